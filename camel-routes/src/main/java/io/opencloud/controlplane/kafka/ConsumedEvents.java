package io.opencloud.controlplane.kafka;

import io.cloudevents.CloudEvent;
import io.opencloud.events.envelope.Decoded;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Reads the CloudEvent of a consumed record; a record that is not one is parked with the reason. */
@Component
public class ConsumedEvents {

    private final DeadLetters deadLetters;

    public ConsumedEvents(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The record's event, or empty when the record was parked on its dead-letter topic instead. */
    public Optional<CloudEvent> read(Exchange exchange) {
        Decoded decoded = KafkaCloudEvents.read(exchange.getMessage().getHeaders(),
                exchange.getMessage().getBody(byte[].class));
        if (decoded instanceof Decoded.Rejected rejected) {
            deadLetters.park(exchange, rejected.reason());
            return Optional.empty();
        }
        return Optional.of(((Decoded.Accepted) decoded).event());
    }
}
