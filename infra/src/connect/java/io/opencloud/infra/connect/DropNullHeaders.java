package io.opencloud.infra.connect;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * A Kafka Connect transformation that removes every header whose value is null. Debezium's outbox router turns each
 * outbox column it places into a header, null or not; a {@code ce_subject} header without a value is no CloudEvents
 * attribute, and the CloudEvents Kafka binding of the Java SDK (which Knative's KafkaSource runs) fails on it.
 *
 * <p>It depends on Kafka Connect's API alone and is compiled for Java 17 (its own source folder, {@code src/connect}),
 * so that any Connect worker can load it from the small {@code connect} jar of this module (see
 * {@code kafka/README.md}).
 */
public class DropNullHeaders<R extends ConnectRecord<R>> implements Transformation<R> {

    @Override
    public R apply(R record) {
        Headers headers = record.headers();
        boolean hasNull = false;
        for (Header header : headers) {
            hasNull |= header.value() == null;
        }
        if (!hasNull) {
            return record;
        }
        Headers kept = headers.duplicate();
        kept.clear();
        for (Header header : headers) {
            if (header.value() != null) {
                kept.add(header);
            }
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), kept);
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
