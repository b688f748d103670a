package io.opencloud.events.envelope;

/**
 * One thing wrong with an event: either an envelope attribute (named by {@code attribute}) or a place in the data
 * (named by {@code pointer}, a JSON Pointer into the structured event, so it starts with {@code /data}).
 */
public record Violation(String attribute, String pointer, String detail) {

    public static Violation ofAttribute(String attribute, String detail) {
        return new Violation(attribute, null, detail);
    }

    public static Violation ofData(String pointerInData, String detail) {
        return new Violation(null, "/data" + pointerInData, detail);
    }

    /** A short description naming where the fault is, fit for a log line or a Kafka header. */
    public String describe() {
        return (attribute != null ? "attribute '" + attribute + "'" : "'" + pointer + "'") + ": " + detail;
    }
}
