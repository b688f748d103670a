package io.opencloud.controlplane.kafka;

import io.opencloud.events.Envelope;
import io.opencloud.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Parks a consumed record that cannot be processed on its topic's dead-letter twin: same key, same value, the
 * original headers, and the reason with the record's origin (topic, partition, offset) in headers of our own.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventPublisher publisher;

    public DeadLetters(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** @throws EventPublisher.PublishFailedException when the dead-letter topic does not take the record */
    public void park(Exchange consumed, String reason) {
        org.apache.camel.Message in = consumed.getMessage();
        String topic = in.getHeader(KafkaConstants.TOPIC, String.class);
        Object partition = in.getHeader(KafkaConstants.PARTITION);
        Object offset = in.getHeader(KafkaConstants.OFFSET);
        Headers headers = new RecordHeaders();
        Headers original = in.getHeader(KafkaConstants.HEADERS, Headers.class);
        if (original != null) {
            original.forEach(headers::add);
        }
        headers.add(Envelope.DLQ_REASON_HEADER, bytes(truncate(reason)));
        headers.add(Envelope.DLQ_TOPIC_HEADER, bytes(String.valueOf(topic)));
        headers.add(Envelope.DLQ_PARTITION_HEADER, bytes(String.valueOf(partition)));
        headers.add(Envelope.DLQ_OFFSET_HEADER, bytes(String.valueOf(offset)));
        Object key = in.getHeader(KafkaConstants.KEY);
        publisher.send(new ProducerRecord<>(Topics.deadLetter(topic), null, key == null ? null : key.toString(),
                in.getBody(byte[].class), headers));
        log.warn("Parked record {}-{}@{} on {}: {}", topic, partition, offset, Topics.deadLetter(topic), reason);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String reason) {
        return reason.length() <= 4000 ? reason : reason.substring(0, 4000) + "…";
    }
}
