package io.opencloud.events;

/**
 * The CloudEvent a cron schedule emits at each tick, shaped as a Knative PingSource's event so that a PingSource can
 * stand in for the embedded scheduler in a distributed deployment: type {@value #TYPE}, source
 * {@code /apis/v1/namespaces/<namespace>/pingsources/<schedule>}, the configured data as the data.
 */
public final class PingType {

    public static final String TYPE = "dev.knative.sources.ping";

    private static final String SOURCE_PREFIX = "/apis/v1/namespaces/";
    private static final String SOURCE_INFIX = "/pingsources/";

    private PingType() {
    }

    public static String source(String namespace, String schedule) {
        return SOURCE_PREFIX + namespace + SOURCE_INFIX + schedule;
    }

    /** The schedule a ping's source names, or null when the source is not a PingSource's. */
    public static String scheduleOf(String source) {
        if (source == null || !source.startsWith(SOURCE_PREFIX)) {
            return null;
        }
        int infix = source.indexOf(SOURCE_INFIX, SOURCE_PREFIX.length());
        if (infix < 0) {
            return null;
        }
        String schedule = source.substring(infix + SOURCE_INFIX.length());
        return schedule.isEmpty() || schedule.contains("/") ? null : schedule;
    }
}
