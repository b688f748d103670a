package io.opencloud.controlplane.hooks;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.saga.Outbox;
import io.opencloud.controlplane.saga.OutboxEvent;
import io.opencloud.controlplane.saga.SagaCoordinator;
import io.opencloud.controlplane.saga.SagaDefinition;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.events.DerivedIds;
import io.opencloud.events.Envelope;
import io.opencloud.events.Topics;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.envelope.MediaTypes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a signed webhook delivery into the CloudEvent {@code io.opencloud.webhook.<source>.received.v1}, in one
 * transaction: the delivery is recorded (a replay inside the window, by delivery id or by signed body, emits
 * nothing), the event goes to the outbox for {@code opencloud.webhook.events}, and, when
 * {@code opencloud.sagas.triggers} maps the type to a saga, that saga starts.
 */
@Component
public class WebhookReceiver {

    private final WebhookDeliveries deliveries;
    private final Outbox outbox;
    private final SagaRegistry sagas;
    private final SagaCoordinator coordinator;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public WebhookReceiver(WebhookDeliveries deliveries, Outbox outbox, SagaRegistry sagas,
                           SagaCoordinator coordinator, TransactionTemplate tx, JsonMapper json) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.sagas = sagas;
        this.coordinator = coordinator;
        this.tx = tx;
        this.json = json;
    }

    /**
     * A delivery whose signature has been verified; {@code signature} is that signature, as computed here, and
     * {@code sender} the principal its source acts as.
     */
    public record Delivery(String source, String deliveryId, String event, String contentType, byte[] body,
                           String signature, Caller sender) {
    }

    public WebhookReceipt receive(Delivery delivery) {
        String type = WebhookTypes.type(delivery.source());
        // Derived from the delivery, so that a replay after the window has passed still cannot start a second saga.
        String eventId = DerivedIds.of(delivery.source(), delivery.deliveryId());
        Optional<SagaDefinition> saga = sagas.forTrigger(type);
        String sagaId = saga.map(s -> eventId).orElse(null);
        return tx.execute(status -> {
            Instant now = clock.instant();
            if (!deliveries.recordIfNew(delivery.source(), delivery.deliveryId(), delivery.signature(), eventId, now)) {
                WebhookDeliveries.Recorded earlier = deliveries.earlier(delivery.source(), delivery.deliveryId(),
                        delivery.signature()).orElseThrow();
                return new WebhookReceipt(earlier.eventId(), type, saga.map(s -> earlier.eventId()).orElse(null),
                        true, earlier.receivedAt());
            }
            String data = json.writeValueAsString(dataOf(delivery));
            String source = WebhookTypes.eventSource(delivery.source());
            // The delivery is the aggregate: it is the subject, and the key unless the event belongs to a saga.
            outbox.emit(new OutboxEvent(eventId, sagaId != null ? sagaId : delivery.source(), type,
                    Topics.WEBHOOK_EVENTS, data, source, delivery.deliveryId(), now.toString(), sagaId, null));
            saga.ifPresent(definition -> coordinator.start(definition, event(eventId, type, source, delivery, data,
                    now), sagaId, delivery.sender()));
            return new WebhookReceipt(eventId, type, sagaId, false, now);
        });
    }

    private ObjectNode dataOf(Delivery delivery) {
        ObjectNode data = json.createObjectNode();
        data.put("deliveryId", delivery.deliveryId());
        if (delivery.event() != null) {
            data.put("event", delivery.event());
        }
        data.put("contentType", delivery.contentType() == null ? "application/octet-stream" : delivery.contentType());
        if (MediaTypes.isJson(delivery.contentType())) {
            try {
                data.set("payload", json.readTree(delivery.body()));
                return data;
            } catch (JacksonException e) {
                // A signed body that claims to be JSON but is not is still the sender's: it is kept, as bytes.
            }
        }
        data.put("payloadBase64", Base64.getEncoder().encodeToString(delivery.body()));
        return data;
    }

    private static CloudEvent event(String id, String type, String source, Delivery delivery, String data,
                                    Instant now) {
        return CloudEventBuilder.v1().withId(id).withType(type).withSource(URI.create(source))
                .withSubject(delivery.deliveryId()).withTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .withDataContentType(Envelope.JSON).withData(data.getBytes(StandardCharsets.UTF_8)).build();
    }
}
