package io.opencloud.controlplane.hooks;

import java.time.Instant;

/**
 * What became of a signed delivery: the CloudEvent it became, the saga it started if its type triggers one, and
 * whether it was a replay of a delivery already received (at {@code receivedAt}), which emits nothing.
 */
public record WebhookReceipt(String eventId, String type, String sagaId, boolean duplicate, Instant receivedAt) {
}
