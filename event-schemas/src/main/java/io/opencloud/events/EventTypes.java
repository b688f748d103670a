package io.opencloud.events;

import java.util.Arrays;
import java.util.List;

/** The catalogue of every CloudEvent type the control plane knows, each with a JSON Schema and an example. */
public final class EventTypes {

    private EventTypes() {
    }

    public static List<String> all() {
        return Arrays.stream(Operation.values()).flatMap(op -> op.types().stream()).toList();
    }

    public static boolean isKnown(String type) {
        return all().contains(type);
    }
}
