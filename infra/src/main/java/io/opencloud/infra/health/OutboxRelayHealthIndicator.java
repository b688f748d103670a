package io.opencloud.infra.health;

import io.opencloud.infra.outbox.OutboxRelay;
import io.opencloud.infra.outbox.OutboxRelayConfig;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up while the outbox relay streams; down once it has stopped, with the reason, because from then on no event
 * written to the outbox reaches Kafka.
 */
public final class OutboxRelayHealthIndicator extends AbstractHealthIndicator {

    private final OutboxRelay relay;

    public OutboxRelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (relay.isStreaming() ? builder.up() : builder.down())
                .withDetail("table", OutboxRelayConfig.OUTBOX_TABLE)
                .withDetail("replicationSlot", relay.config().slotName())
                .withDetail("publication", OutboxRelayConfig.PUBLICATION);
        // A detail, not withException: that would log the stack trace again on every health check.
        relay.failure().ifPresent(failure -> builder.withDetail("error", failure.toString()));
    }
}
