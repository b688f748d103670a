package io.opencloud.events;

/**
 * The CloudEvent envelope conventions shared by every module: source naming, extension attributes and the Kafka
 * headers that carry the reason a record was parked on a dead-letter topic.
 */
public final class Envelope {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** Extension carried by every event of a saga. */
    public static final String SAGA_ID = "sagaid";

    /** Extension on a reply naming the id of the command it answers, so a caller can find its reply. */
    public static final String CAUSATION_ID = "causationid";

    /** Kafka binary mode prefixes attributes with {@code ce_}; the data's media type travels as content-type. */
    public static final String KAFKA_ATTRIBUTE_PREFIX = "ce_";
    public static final String KAFKA_CONTENT_TYPE = "content-type";

    public static final String DLQ_REASON_HEADER = "opencloud_dlq_reason";
    public static final String DLQ_TOPIC_HEADER = "opencloud_dlq_topic";
    public static final String DLQ_PARTITION_HEADER = "opencloud_dlq_partition";
    public static final String DLQ_OFFSET_HEADER = "opencloud_dlq_offset";

    private Envelope() {
    }

    public static String source(String module) {
        return "/opencloud/" + module;
    }
}
