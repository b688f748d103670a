package io.opencloud.controlplane.http;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Callers;
import io.opencloud.controlplane.access.Public;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.federation.PeerEventInbox;
import io.opencloud.controlplane.federation.PeerEventOutcome;
import io.opencloud.controlplane.ingress.EventIngress;
import io.opencloud.controlplane.ingress.IngressOutcome;
import io.opencloud.controlplane.ingress.IngressUnavailableException;
import io.opencloud.controlplane.replies.CommandReplies;
import io.opencloud.events.FederationType;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.EnvelopeReader;
import io.opencloud.events.envelope.MediaTypes;
import io.opencloud.events.envelope.Violation;
import io.opencloud.functions.web.HttpCloudEvents;
import io.opencloud.functions.web.Problems;
import io.opencloud.functions.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /events}: the CloudEvents HTTP binding in binary, structured and batch modes, behind the CloudEvents
 * webhook handshake ({@code OPTIONS}) and a per-origin rate limit (429 with Retry-After). A batch is
 * all-or-nothing: every event is checked first, and one bad event rejects the whole batch with the index of each
 * fault, so a sender never has to work out which half of a batch went through. A peer control plane's signed event
 * ({@code io.opencloud.federation.*}) goes to the {@link PeerEventInbox}, which answers 403 when it is forged, stale
 * or from a non-member and 409 when it is a replay. Any other event needs an access token (401 without one) and
 * the right to send its type (403, see {@link io.opencloud.controlplane.ingress.EventAccess}).
 */
@RestController
@Public("a peer's event is proven by its signature; every other event needs a caller, whose right to send that type"
        + " the ingress checks (EventAccess)")
@RequestMapping("/events")
@EnableConfigurationProperties(IngressProperties.class)
public class EventsController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final String REQUEST_ORIGIN = "WebHook-Request-Origin";
    private static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";
    private static final String ALLOWED_RATE = "WebHook-Allowed-Rate";

    private final EventIngress ingress;
    private final CommandReplies replies;
    private final IngressProperties properties;
    private final OriginRateLimiter rateLimiter;
    private final PeerEventInbox peerEvents;

    public EventsController(EventIngress ingress, CommandReplies replies, IngressProperties properties,
                            OriginRateLimiter rateLimiter, PeerEventInbox peerEvents) {
        this.peerEvents = peerEvents;
        this.ingress = ingress;
        this.replies = replies;
        this.properties = properties;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping
    public ResponseEntity<?> post(HttpServletRequest request) throws IOException {
        String origin = request.getHeader(REQUEST_ORIGIN);
        if (origin != null && !properties.allows(origin)) {
            return originNotAllowed(origin);
        }
        Optional<Duration> retryAfter = rateLimiter.acquire(origin, request.getRemoteAddr());
        if (retryAfter.isPresent()) {
            return tooManyRequests(origin, request.getRemoteAddr(), retryAfter.get());
        }
        byte[] body = RequestBodies.readAtMost(request, properties.maxRequestBytes());
        if (body == null) {
            return tooLarge();
        }
        String contentType = request.getContentType();
        Optional<Caller> caller = Callers.of(request);
        if (HttpCloudEvents.isBinary(request)) {
            return single(HttpCloudEvents.readBinary(request, body), caller);
        }
        if (HttpCloudEvents.isStructured(contentType)) {
            return single(HttpCloudEvents.readStructured(body), caller);
        }
        if (HttpCloudEvents.isBatch(contentType)) {
            return caller.<ResponseEntity<?>>map(c -> batch(body, c)).orElseGet(EventsController::unauthenticated);
        }
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Content-Type \"" + contentType + "\" without ce-specversion header is not a CloudEvent: send binary"
                        + " mode (ce-* headers), " + MediaTypes.CLOUDEVENTS_JSON + " or "
                        + MediaTypes.CLOUDEVENTS_BATCH_JSON);
    }

    /** The CloudEvents webhook abuse-protection handshake (CloudEvents HTTP webhook spec, section 4). */
    @RequestMapping(method = RequestMethod.OPTIONS)
    public ResponseEntity<?> handshake(@RequestHeader(name = REQUEST_ORIGIN, required = false) String origin) {
        if (origin == null) {
            return ResponseEntity.ok().header(HttpHeaders.ALLOW, "POST, OPTIONS").build();
        }
        if (!properties.allows(origin)) {
            return originNotAllowed(origin);
        }
        Integer rate = properties.rateOf(origin);
        return ResponseEntity.ok().header(HttpHeaders.ALLOW, "POST, OPTIONS")
                .header(ALLOWED_ORIGIN, origin)
                .header(ALLOWED_RATE, rate == null ? IngressProperties.UNLIMITED : rate.toString())
                .build();
    }

    private ResponseEntity<ProblemDetail> tooManyRequests(String origin, String address, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        String sender = origin != null ? "origin \"" + origin + "\"" : "address " + address;
        ResponseEntity<ProblemDetail> problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", sender + " may send " + properties.rateOf(origin) + " requests a minute; try"
                        + " again in " + seconds + " s");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem.getBody());
    }

    private ResponseEntity<ProblemDetail> originNotAllowed(String origin) {
        return Problems.of(HttpStatus.FORBIDDEN, "origin-not-allowed", "Origin not allowed",
                "origin \"" + origin + "\" may not deliver events here; allowed: " + properties.allowedOrigins());
    }

    /**
     * The reply to a command the caller sent, once its function has answered; {@code wait} long-polls up to 30
     * seconds. The id is the one the caller gave its command: another caller's command of the same id is not found.
     * An admin of a tenant reads the replies to its other principals' commands by naming the {@code sender} (the Kafka
     * door's is {@code kafka:opencloud.ingress}).
     */
    @GetMapping("/{id}/reply")
    @Requires(Role.VIEWER)
    public ResponseEntity<?> reply(@PathVariable String id, @RequestParam(defaultValue = "0") int wait,
                                   @RequestParam Optional<String> sender, Caller caller) throws InterruptedException {
        if (sender.isPresent() && !caller.may(Role.ADMIN)) {
            return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "only an admin of the tenant reads"
                    + " the replies to another principal's commands");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.clamp(wait, 0, MAX_WAIT.toSeconds())).toNanos();
        String commandId = EventIngress.commandId(sender.map(name -> new Caller(name, caller.tenant(), Role.MEMBER,
                name, null)).orElse(caller), id);
        Optional<String> reply = replies.find(commandId);
        while (reply.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = replies.find(commandId);
        }
        return reply.<ResponseEntity<?>>map(event -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(MediaTypes.CLOUDEVENTS_JSON)).body(event))
                .orElseGet(() -> Problems.of(HttpStatus.NOT_FOUND, "no-reply-yet", "No reply yet",
                        "no reply to event " + id + " has arrived yet; retry, or pass ?wait=10 to wait for it"));
    }

    @ExceptionHandler(IngressUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(IngressUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ingress-unavailable", "Event not stored",
                e.getMessage() + "; nothing was accepted, send it again");
    }

    private ResponseEntity<?> fromPeer(CloudEvent event) {
        PeerEventOutcome outcome = peerEvents.receive(event);
        ingress.count(EventIngress.PEER, outcome instanceof PeerEventOutcome.Accepted ? EventIngress.ACCEPTED
                : EventIngress.REJECTED, 1);
        return switch (outcome) {
            case PeerEventOutcome.Accepted accepted -> ResponseEntity.accepted().body(Map.of("id", accepted.eventId(),
                    "type", accepted.type(), "outcome", accepted.outcome()));
            case PeerEventOutcome.Refused refused -> Problems.of(HttpStatus.valueOf(refused.status()),
                    refused.problem(), "Peer event refused", refused.reason());
        };
    }

    private ResponseEntity<?> single(Decoded decoded, Optional<Caller> caller) {
        if (decoded instanceof Decoded.Rejected rejected) {
            ingress.count(EventIngress.HTTP, EventIngress.REJECTED, 1);
            return Problems.invalidEvent(rejected.violations());
        }
        CloudEvent event = ((Decoded.Accepted) decoded).event();
        if (FederationType.isFederationType(event.getType())) {
            return fromPeer(event);
        }
        if (caller.isEmpty()) {
            ingress.count(EventIngress.HTTP, EventIngress.REJECTED, 1);
            return unauthenticated();
        }
        IngressOutcome outcome = ingress.submit(event, caller.get(), EventIngress.HTTP);
        if (outcome instanceof IngressOutcome.Rejected rejected) {
            return Problems.invalidEvent(rejected.violations());
        }
        if (outcome instanceof IngressOutcome.Refused refused) {
            return Problems.of(HttpStatus.FORBIDDEN, refused.refusal().problem(), "Event refused",
                    refused.refusal().detail());
        }
        IngressOutcome.Accepted accepted = (IngressOutcome.Accepted) outcome;
        return ResponseEntity.accepted().location(replyLocation(accepted)).body(receipt(accepted));
    }

    private ResponseEntity<?> batch(byte[] body, Caller caller) {
        JsonNode array;
        try {
            array = JSON.readTree(body);
        } catch (JacksonException e) {
            return Problems.invalidEvent(List.of(Violation.ofAttribute("(batch)",
                    "not a JSON array of events: " + e.getOriginalMessage())));
        }
        if (array == null || !array.isArray()) {
            return Problems.invalidEvent(List.of(Violation.ofAttribute("(batch)", "a batch is a JSON array of events")));
        }
        List<IngressOutcome.Accepted> accepted = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Decoded decoded = EnvelopeReader.fromStructured(JSON.writeValueAsBytes(array.get(i)));
            List<Violation> violations = List.of();
            if (decoded instanceof Decoded.Rejected rejected) {
                violations = rejected.violations();
            } else {
                CloudEvent event = ((Decoded.Accepted) decoded).event();
                switch (ingress.check(event, caller)) {
                    case IngressOutcome.Rejected rejected -> violations = rejected.violations();
                    case IngressOutcome.Refused refused -> violations = List.of(Violation.ofAttribute("type",
                            refused.refusal().detail()));
                    case IngressOutcome.Accepted ok -> accepted.add(ok);
                }
            }
            for (Violation violation : violations) {
                Map<String, Object> error = new LinkedHashMap<>(Problems.error(violation));
                error.put("index", i);
                errors.add(error);
            }
        }
        if (!errors.isEmpty()) {
            ingress.count(EventIngress.HTTP, EventIngress.REJECTED, array.size());
            ResponseEntity<ProblemDetail> response = Problems.of(HttpStatus.BAD_REQUEST, "invalid-batch",
                    "Invalid CloudEvents batch", errors.size() + " fault(s) in the batch; no event of it was accepted");
            response.getBody().setProperty("errors", errors);
            return response;
        }
        accepted.forEach(ingress::publish);
        ingress.count(EventIngress.HTTP, EventIngress.ACCEPTED, accepted.size());
        return ResponseEntity.accepted().body(accepted.stream().map(EventsController::receipt).toList());
    }

    private static Map<String, Object> receipt(IngressOutcome.Accepted accepted) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("eventId", accepted.eventId());
        receipt.put("sagaId", accepted.sagaId());
        receipt.put("type", accepted.type());
        receipt.put(accepted.route() instanceof IngressOutcome.StartSaga ? "saga" : "reply",
                replyLocation(accepted).toString());
        return receipt;
    }

    /** Where the sender follows what its event set going: the saga it started, or the reply to its command. */
    private static URI replyLocation(IngressOutcome.Accepted accepted) {
        return accepted.route() instanceof IngressOutcome.StartSaga
                ? URI.create("/sagas/" + accepted.sagaId())
                : URI.create("/events/" + accepted.eventId() + "/reply");
    }

    private static ResponseEntity<?> unauthenticated() {
        ResponseEntity<ProblemDetail> problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                "Unauthenticated", "sending events needs an access token: send Authorization: Bearer <token>");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem.getBody());
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large",
                "the request is over " + properties.maxRequestBytes()
                        + " bytes, the limit set by opencloud.ingress.max-request-bytes");
    }
}
