package io.opencloud.controlplane.kafka;

import io.opencloud.events.Envelope;
import io.opencloud.events.Topics;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
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

    private final ProducerTemplate producer;
    private final KafkaEndpoints kafka;

    public DeadLetters(ProducerTemplate producer, KafkaEndpoints kafka) {
        this.producer = producer;
        this.kafka = kafka;
    }

    /** @throws IllegalStateException when the dead-letter topic does not take the record: never drop it silently */
    public void park(Exchange consumed, String reason) {
        org.apache.camel.Message in = consumed.getMessage();
        String topic = in.getHeader(KafkaConstants.TOPIC, String.class);
        Object partition = in.getHeader(KafkaConstants.PARTITION);
        Object offset = in.getHeader(KafkaConstants.OFFSET);
        Headers original = in.getHeader(KafkaConstants.HEADERS, Headers.class);
        Exchange sent = producer.send(kafka.producer(), exchange -> {
            org.apache.camel.Message out = exchange.getMessage();
            out.setHeaders(new HashMap<>(Map.of(
                    Envelope.DLQ_REASON_HEADER, truncate(reason),
                    Envelope.DLQ_TOPIC_HEADER, String.valueOf(topic),
                    Envelope.DLQ_PARTITION_HEADER, String.valueOf(partition),
                    Envelope.DLQ_OFFSET_HEADER, String.valueOf(offset))));
            if (original != null) {
                for (Header header : original) {
                    out.setHeader(header.key(), header.value());
                }
            }
            out.setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.deadLetter(topic));
            Object key = in.getHeader(KafkaConstants.KEY);
            if (key != null) {
                out.setHeader(KafkaConstants.KEY, key.toString());
            }
            out.setBody(in.getBody(byte[].class));
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("cannot park a record of " + topic + " on its dead-letter topic", sent.getException());
        }
        log.warn("Parked record {}-{}@{} on {}: {}", topic, partition, offset, Topics.deadLetter(topic), reason);
    }

    private static String truncate(String reason) {
        return reason.length() <= 4000 ? reason : reason.substring(0, 4000) + "…";
    }
}
