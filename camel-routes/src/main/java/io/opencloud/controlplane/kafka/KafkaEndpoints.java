package io.opencloud.controlplane.kafka;

import io.opencloud.infra.config.RuntimeEndpoints;
import org.springframework.stereotype.Component;

/** Camel Kafka endpoint URIs, with the reliability settings every route of the control plane relies on. */
@Component
public class KafkaEndpoints {

    private final String brokers;

    public KafkaEndpoints(RuntimeEndpoints endpoints) {
        this.brokers = endpoints.kafkaBootstrap();
    }

    /**
     * A consumer that starts from the beginning when its group is new and commits only what it has processed, so
     * a crash redelivers instead of losing (every consumer downstream is idempotent).
     */
    public String consumer(String topics, String groupId) {
        return "kafka:" + topics + "?brokers=" + brokers + "&groupId=" + groupId
                + "&autoOffsetReset=earliest&autoCommitEnable=false&maxPollRecords=100&pollTimeoutMs=1000"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer";
    }

    /**
     * A producer that waits for the broker's acknowledgement; lingerMs=0 because one-at-a-time routes would
     * otherwise wait 5 ms per record. The destination topic comes from the {@code kafka.OVERRIDE_TOPIC} header.
     */
    public String producer() {
        return "kafka:opencloud.unrouted?brokers=" + brokers + "&lingerMs=0&requestRequiredAcks=all"
                + "&enableIdempotence=true&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer";
    }
}
