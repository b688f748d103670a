package io.opencloud.functionhost;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.Violation;
import io.opencloud.events.schema.EventContentValidator;
import io.opencloud.events.schema.EventSchemas;
import io.opencloud.functions.hosting.CommandAnswers;
import io.opencloud.functions.web.HttpCloudEvents;
import io.opencloud.functions.web.Problems;
import io.opencloud.functions.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /}: where a Knative Trigger delivers a command, in binary ({@code ce-} headers) or structured mode.
 * Consumes the {@code io.opencloud.<domain>.<operation>.requested.v1} types of the hosted operations
 * ({@link HostedOperations}) and answers with the reply event in binary mode, which the Broker routes on:
 * {@code ...completed.v1} or {@code ...failed.v1} (200), or nothing when the function leaves the command
 * unanswered (202).
 *
 * <p>A request that is no valid command of this Service is answered 4xx with a problem naming the fault, which
 * Knative does not retry but sends to the dead-letter sink with the answer. A failure the function does not state
 * itself is answered 500, which Knative retries with back-off. Unlike the embedded route, which answers such a
 * command {@code failed} once its retries run out, here the command then lies on the dead-letter sink and its saga
 * learns of it when the step times out.
 */
@RestController
public class FunctionEndpoint {

    /** Knative's Kafka Broker and KafkaSink key their records by this extension: replies stay on their saga's key. */
    static final String PARTITION_KEY = "partitionkey";

    private static final Logger log = LoggerFactory.getLogger(FunctionEndpoint.class);

    private final HostedOperations hosted;
    private final CommandAnswers answers;
    private final EventContentValidator validator = new EventContentValidator(new EventSchemas());
    private final int maxRequestBytes;

    public FunctionEndpoint(HostedOperations hosted, CommandAnswers answers,
                            @Value("${opencloud.function-host.max-request-bytes:1048576}") int maxRequestBytes) {
        this.hosted = hosted;
        this.answers = answers;
        this.maxRequestBytes = maxRequestBytes;
    }

    @PostMapping("/")
    public ResponseEntity<?> serve(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.readAtMost(request, maxRequestBytes);
        if (body == null) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Command too large",
                    "a command is at most " + maxRequestBytes + " bytes");
        }
        Decoded decoded;
        if (HttpCloudEvents.isBinary(request)) {
            decoded = HttpCloudEvents.readBinary(request, body);
        } else if (HttpCloudEvents.isStructured(request.getContentType())) {
            decoded = HttpCloudEvents.readStructured(body);
        } else {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-cloudevent", "Not a CloudEvent",
                    "send one CloudEvent in binary mode (ce- headers) or in structured mode ("
                            + "application/cloudevents+json), not " + request.getContentType());
        }
        if (decoded instanceof Decoded.Accepted accepted) {
            decoded = check(accepted.event());
        }
        if (decoded instanceof Decoded.Rejected rejected) {
            return Problems.invalidEvent(rejected.violations());
        }
        CloudEvent command = ((Decoded.Accepted) decoded).event();
        Operation operation = hosted.forCommandType(command.getType()).orElseThrow();
        Optional<CloudEvent> reply = answers.answer(operation, command);
        if (reply.isEmpty()) {
            return ResponseEntity.accepted().build();
        }
        CloudEvent keyed = keyed(reply.get());
        return ResponseEntity.ok().headers(HttpCloudEvents.binaryHeaders(keyed))
                .body(keyed.getData() == null ? new byte[0] : keyed.getData().toBytes());
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> failed(RuntimeException e) {
        log.warn("Function failed; the sender retries", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "function-failed", "Function failed",
                e + "; nothing was answered, send the command again");
    }

    private Decoded check(CloudEvent event) {
        if (hosted.forCommandType(event.getType()).isEmpty()) {
            return Decoded.Rejected.of(Violation.ofAttribute("type", "\"" + event.getType()
                    + "\" is not served here; this Service serves " + String.join(", ", hosted.commandTypes())));
        }
        return validator.check(event);
    }

    private static CloudEvent keyed(CloudEvent reply) {
        Object sagaId = reply.getExtension(Envelope.SAGA_ID);
        String key = sagaId != null ? sagaId.toString() : reply.getSubject();
        return key == null ? reply : CloudEventBuilder.v1(reply).withExtension(PARTITION_KEY, key).build();
    }
}
