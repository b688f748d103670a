package io.opencloud.events;

import java.util.ArrayList;
import java.util.List;

/** Kafka topic names. Nothing else in the code base spells a topic. */
public final class Topics {

    /** Where external systems publish CloudEvents for the control plane. */
    public static final String INGRESS = "opencloud.ingress";

    /** Where ingress records that cannot be accepted are parked, with the reason in a header. */
    public static final String INGRESS_DLQ = deadLetter(INGRESS);

    /** Where every signed webhook delivery is published as a CloudEvent, whether or not it also starts a saga. */
    public static final String WEBHOOK_EVENTS = events("webhook");

    private Topics() {
    }

    public static String commands(String domain) {
        return "opencloud." + domain + ".commands";
    }

    public static String events(String domain) {
        return "opencloud." + domain + ".events";
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    /** Every topic the control plane reads or writes, dead-letter topics included. */
    public static List<String> all() {
        List<String> topics = new ArrayList<>(List.of(INGRESS, INGRESS_DLQ, WEBHOOK_EVENTS));
        for (String domain : Operation.domains()) {
            topics.add(commands(domain));
            topics.add(deadLetter(commands(domain)));
            topics.add(events(domain));
            topics.add(deadLetter(events(domain)));
        }
        return topics;
    }
}
