package io.opencloud.controlplane.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.infra.config.RuntimeEndpoints;
import org.junit.jupiter.api.Test;

/**
 * Static membership ids: stable across restarts with the same subscription, new when the subscription changes, since
 * Kafka keeps a rejoining static member's old assignment (found when an upgrade added the Sentinel topics and the
 * saga coordinator never read them).
 */
class KafkaEndpointsTest {

    private final KafkaEndpoints endpoints = new KafkaEndpoints(
            new RuntimeEndpoints("127.0.0.1:9092", null, null, null, null, null, null, null), "node-a");

    @Test
    void theSameTopicsInAnyOrderKeepTheSameInstanceId() {
        assertThat(endpoints.instanceId("a.events,b.events", "group"))
                .isEqualTo(endpoints.instanceId("b.events, a.events", "group"))
                .startsWith("group-node-a-");
    }

    @Test
    void anotherTopicGivesAnotherInstanceId() {
        assertThat(endpoints.instanceId("a.events,b.events,c.events", "group"))
                .isNotEqualTo(endpoints.instanceId("a.events,b.events", "group"));
    }
}
