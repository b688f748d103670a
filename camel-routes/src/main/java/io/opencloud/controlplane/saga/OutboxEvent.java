package io.opencloud.controlplane.saga;

/**
 * An event to leave the database through the outbox: the CloudEvent's attributes (its id a UUID), its data, its
 * topic and key.
 */
public record OutboxEvent(String id, String key, String type, String topic, String data, String source,
                          String subject, String time, String sagaId, String causationId) {
}
