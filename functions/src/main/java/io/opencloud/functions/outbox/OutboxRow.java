package io.opencloud.functions.outbox;

/**
 * One event for the outbox: its CloudEvent id (a UUID), the Kafka key and topic, the type, the JSON data and the
 * attributes; {@code sagaId} and {@code causationId} may be null.
 */
public record OutboxRow(String id, String aggregateType, String key, String type, String topic, String payload,
                        String source, String subject, String time, String sagaId, String causationId) {
}
