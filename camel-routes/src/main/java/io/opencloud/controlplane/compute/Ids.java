package io.opencloud.controlplane.compute;

import io.opencloud.controlplane.provision.RequestRefusedException;
import java.util.regex.Pattern;

/** Object ids in paths and bodies are UUIDs; anything else names nothing. */
public final class Ids {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && UUID.matcher(id).matches();
    }

    public static <T> T notFound(String what, String id) {
        throw RequestRefusedException.notFound(what + " " + id);
    }
}
