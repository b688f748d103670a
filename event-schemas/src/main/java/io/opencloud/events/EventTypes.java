package io.opencloud.events;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue of every CloudEvent type the control plane knows (operations and saga triggers), each with a JSON
 * Schema and an example.
 */
public final class EventTypes {

    private EventTypes() {
    }

    public static List<String> all() {
        return Stream.concat(Arrays.stream(Operation.values()).flatMap(op -> op.types().stream()),
                Arrays.stream(TriggerType.values()).map(TriggerType::type)).toList();
    }

    public static boolean isKnown(String type) {
        return all().contains(type);
    }
}
