package io.opencloud.controlplane.hooks;

import io.micrometer.core.instrument.MeterRegistry;
import io.opencloud.controlplane.http.IngressProperties;
import io.opencloud.controlplane.http.Problems;
import io.opencloud.controlplane.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/{source}}: plain webhooks (a Git push, a CI result, ...) signed with {@code X-Hub-Signature-256}
 * under the source's secret. A delivery whose signature does not match is refused with 401 and leaves no trace but
 * a metric; a signed one becomes the CloudEvent {@code io.opencloud.webhook.<source>.received.v1}.
 */
@RestController
@EnableConfigurationProperties(HookProperties.class)
public class HooksController {

    private final HookProperties hooks;
    private final IngressProperties limits;
    private final WebhookReceiver receiver;
    private final MeterRegistry meters;

    public HooksController(HookProperties hooks, IngressProperties limits, WebhookReceiver receiver,
                           MeterRegistry meters) {
        this.hooks = hooks;
        this.limits = limits;
        this.receiver = receiver;
        this.meters = meters;
    }

    @PostMapping("/hooks/{source}")
    public ResponseEntity<?> deliver(@PathVariable String source, HttpServletRequest request) throws IOException {
        HookProperties.Source config = hooks.sources().get(source);
        if (config == null) {
            return refused(HttpStatus.NOT_FOUND, "unknown-hook-source", "Unknown webhook source",
                    "no webhook source \"" + source + "\" is configured (opencloud.hooks.sources." + source + ".secret)");
        }
        byte[] body = RequestBodies.readAtMost(request, limits.maxRequestBytes());
        if (body == null) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                    "the request is over " + limits.maxRequestBytes()
                            + " bytes, the limit set by opencloud.ingress.max-request-bytes");
        }
        String signature = request.getHeader(HookSignature.HEADER);
        if (!HookSignature.matches(config.secret(), body, signature)) {
            return refused(HttpStatus.UNAUTHORIZED, "bad-signature", "Signature does not match",
                    signature == null ? "the " + HookSignature.HEADER + " header is missing"
                            : "the " + HookSignature.HEADER + " header is not sha256=<HMAC-SHA256 of the body>"
                            + " under this source's secret");
        }
        String deliveryId = request.getHeader(config.deliveryHeader());
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 200) {
            return refused(HttpStatus.BAD_REQUEST, "missing-delivery-id", "Delivery id missing",
                    "the " + config.deliveryHeader() + " header must carry the delivery's id (1 to 200 characters),"
                            + " which protects against replays");
        }
        WebhookReceipt receipt;
        try {
            receipt = receiver.receive(new WebhookReceiver.Delivery(source, deliveryId,
                    request.getHeader(config.eventHeader()), request.getContentType(), body));
        } catch (DataAccessException e) {
            return refused(HttpStatus.SERVICE_UNAVAILABLE, "ingress-unavailable", "Delivery not stored",
                    "the database did not take the delivery; nothing was accepted, send it again");
        }
        count(receipt.duplicate() ? "duplicate" : "accepted");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventId", receipt.eventId());
        answer.put("type", receipt.type());
        answer.put("duplicate", receipt.duplicate());
        answer.put("receivedAt", receipt.receivedAt().toString());
        if (receipt.sagaId() != null) {
            answer.put("sagaId", receipt.sagaId());
            answer.put("saga", "/sagas/" + receipt.sagaId());
        }
        // A replay is answered 200, not an error: a sender's honest redelivery should not be reported as failed.
        return receipt.duplicate() ? ResponseEntity.ok(answer)
                : receipt.sagaId() == null ? ResponseEntity.accepted().body(answer)
                : ResponseEntity.accepted().location(URI.create("/sagas/" + receipt.sagaId())).body(answer);
    }

    private ResponseEntity<?> refused(HttpStatus status, String problem, String title, String detail) {
        count("rejected");
        return Problems.of(status, problem, title, detail);
    }

    private void count(String outcome) {
        meters.counter("opencloud.ingress.events", "channel", "hook", "outcome", outcome).increment();
    }
}
