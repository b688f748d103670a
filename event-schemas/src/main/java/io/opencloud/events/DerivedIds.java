package io.opencloud.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event and saga ids derived from what identifies them (a name-based UUID of the parts, one per line), so that
 * handling the same input twice yields the same id and consumers that dedupe by id see it once.
 */
public final class DerivedIds {

    private DerivedIds() {
    }

    public static String of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
