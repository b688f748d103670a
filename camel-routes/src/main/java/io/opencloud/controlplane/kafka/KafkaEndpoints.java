package io.opencloud.controlplane.kafka;

import io.opencloud.events.DerivedIds;
import io.opencloud.infra.config.RuntimeEndpoints;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Camel Kafka consumer endpoint URIs, with the reliability settings every route of the control plane relies on. */
@Component
public class KafkaEndpoints {

    private static final int POLL_TIMEOUT_MS = 1000;
    /*
     * Camel completes a batch when it is full or when this long has passed since its first record, checking only
     * between polls: a lone command waited a whole second for its batch to close when this was 1000 ms.
     */
    private static final int BATCH_POLL_TIMEOUT_MS = 100;

    private final String brokers;
    private final String nodeId;

    public KafkaEndpoints(RuntimeEndpoints endpoints,
                          @Value("${opencloud.node-id:${HOSTNAME:opencloud}}") String nodeId) {
        this.brokers = endpoints.kafkaBootstrap();
        this.nodeId = nodeId;
    }

    /**
     * A consumer that starts from the beginning when its group is new and commits only what it has processed, so
     * a crash redelivers instead of losing (every consumer downstream is idempotent). Routes handle bad records
     * themselves (dead-letter topics); a failure that escapes them (the broker refused even the dead letter) makes
     * the consumer seek back and try the record again rather than skip it.
     *
     * <p>Membership is static ({@code group.instance.id} from {@code opencloud.node-id}): a control plane that
     * restarts after a crash takes its partitions back at once, instead of waiting for the group to time out the
     * member that died. The instance id also names the topics subscribed to: a static member that rejoins under
     * its old id keeps its old assignment, so a control plane upgraded to consume more topics (a new domain's
     * events) would never be given the new ones. Under a new id it joins as a new member, and the group rebalances
     * once the old member's session has expired.
     */
    public String consumer(String topics, String groupId) {
        return uri(topics, groupId, 100);
    }

    /**
     * A consumer like {@link #consumer} that hands each poll of up to {@code batchSize} records to the route as one
     * exchange whose body is the list of the records' exchanges; the poll's offsets are committed once the route
     * has processed the whole list, and a failure delivers the whole poll again.
     */
    public String batchConsumer(String topics, String groupId, int batchSize) {
        return uri(topics, groupId, batchSize, BATCH_POLL_TIMEOUT_MS) + "&batching=true";
    }

    private String uri(String topics, String groupId, int maxPollRecords) {
        return uri(topics, groupId, maxPollRecords, POLL_TIMEOUT_MS);
    }

    private String uri(String topics, String groupId, int maxPollRecords, int pollTimeoutMs) {
        return "kafka:" + topics + "?brokers=" + brokers + "&groupId=" + groupId
                + "&autoOffsetReset=earliest&autoCommitEnable=false&maxPollRecords=" + maxPollRecords
                + "&pollTimeoutMs=" + pollTimeoutMs + "&breakOnFirstError=true&groupInstanceId="
                + instanceId(topics, groupId)
                + "&sessionTimeoutMs=15000"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer";
    }

    /** This node's static member id in the group, for this set of topics (in any order). */
    String instanceId(String topics, String groupId) {
        String subscription = Arrays.stream(topics.split(",")).map(String::strip).sorted().distinct()
                .collect(Collectors.joining(","));
        return groupId + "-" + nodeId + "-" + DerivedIds.of(subscription).substring(0, 8);
    }
}
