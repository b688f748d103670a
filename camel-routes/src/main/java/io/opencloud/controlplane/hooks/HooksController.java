package io.opencloud.controlplane.hooks;

import io.opencloud.controlplane.access.Public;
import io.opencloud.controlplane.ingress.EventIngress;
import io.opencloud.functions.web.Problems;
import io.opencloud.functions.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/{source}}: plain webhooks (a Git push, a CI result, ...) signed with {@code X-Hub-Signature-256}
 * under the source's secret. A delivery whose signature does not match is refused with 401 and leaves no trace but
 * a metric; a signed one becomes the CloudEvent {@code io.opencloud.webhook.<source>.received.v1}, published on
 * {@code opencloud.webhook.events} and, where a saga is mapped to the type, starting it.
 */
@RestController
@Public("a webhook proves its source with the HMAC signature of its body under that source's secret")
@EnableConfigurationProperties(HookProperties.class)
public class HooksController {

    /* The schema of the webhook events bounds the delivery id and event name; longer ones are refused here. */
    private static final int MAX_ID_LENGTH = 200;
    private static final String DUPLICATE = "duplicate";

    private final HookProperties hooks;
    private final WebhookReceiver receiver;
    private final EventIngress ingress;

    public HooksController(HookProperties hooks, WebhookReceiver receiver, EventIngress ingress) {
        this.hooks = hooks;
        this.receiver = receiver;
        this.ingress = ingress;
    }

    @PostMapping("/hooks/{source}")
    public ResponseEntity<?> deliver(@PathVariable String source, HttpServletRequest request) throws IOException {
        HookProperties.Source config = hooks.sources().get(source);
        if (config == null) {
            return refused(HttpStatus.NOT_FOUND, "unknown-hook-source", "Unknown webhook source",
                    "no webhook source \"" + source + "\" is configured (opencloud.hooks.sources." + source + ".secret)");
        }
        byte[] body = RequestBodies.readAtMost(request, hooks.maxRequestBytes());
        if (body == null) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    "the request is over " + hooks.maxRequestBytes()
                            + " bytes, the limit set by opencloud.hooks.max-request-bytes");
        }
        String signature = request.getHeader(HookSignature.HEADER);
        String expected = HookSignature.sign(config.secret(), body);
        if (!HookSignature.matches(expected, signature)) {
            return refused(HttpStatus.UNAUTHORIZED, "bad-signature", "Signature does not match",
                    signature == null ? "the " + HookSignature.HEADER + " header is missing"
                            : "the " + HookSignature.HEADER + " header is not sha256=<HMAC-SHA256 of the body>"
                            + " under this source's secret");
        }
        String deliveryId = request.getHeader(config.deliveryHeader());
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > MAX_ID_LENGTH) {
            return refused(HttpStatus.BAD_REQUEST, "missing-delivery-id", "Delivery id missing",
                    "the " + config.deliveryHeader() + " header must carry the delivery's id (1 to " + MAX_ID_LENGTH
                            + " characters), which protects against replays");
        }
        String event = request.getHeader(config.eventHeader());
        if (event != null && event.length() > MAX_ID_LENGTH) {
            return refused(HttpStatus.BAD_REQUEST, "invalid-event-name", "Event name too long",
                    "the " + config.eventHeader() + " header is longer than " + MAX_ID_LENGTH + " characters");
        }
        WebhookReceipt receipt;
        try {
            receipt = receiver.receive(new WebhookReceiver.Delivery(source, deliveryId, event,
                    request.getContentType(), body, expected, config.caller(source)));
        } catch (DataAccessException | TransactionException e) {
            return refused(HttpStatus.SERVICE_UNAVAILABLE, "ingress-unavailable", "Delivery not stored",
                    "the database did not take the delivery; nothing was accepted, send it again");
        }
        ingress.count(EventIngress.HOOK, receipt.duplicate() ? DUPLICATE : EventIngress.ACCEPTED, 1);
        return answer(receipt);
    }

    /* A replay is answered 200, not an error: a sender's honest redelivery should not be reported as failed. */
    private static ResponseEntity<?> answer(WebhookReceipt receipt) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventId", receipt.eventId());
        answer.put("type", receipt.type());
        answer.put("duplicate", receipt.duplicate());
        answer.put("receivedAt", receipt.receivedAt().toString());
        if (receipt.sagaId() != null) {
            answer.put("sagaId", receipt.sagaId());
            answer.put("saga", "/sagas/" + receipt.sagaId());
        }
        if (receipt.duplicate()) {
            return ResponseEntity.ok(answer);
        }
        return receipt.sagaId() == null ? ResponseEntity.accepted().body(answer)
                : ResponseEntity.accepted().location(URI.create("/sagas/" + receipt.sagaId())).body(answer);
    }

    private ResponseEntity<?> refused(HttpStatus status, String problem, String title, String detail) {
        ingress.count(EventIngress.HOOK, EventIngress.REJECTED, 1);
        return Problems.of(status, problem, title, detail);
    }
}
