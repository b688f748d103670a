package io.opencloud.functions.hosting;

import io.cloudevents.CloudEvent;
import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import io.opencloud.functions.NoReplyException;
import io.opencloud.functions.OperationFailedException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers one command with the function of its operation, the same way whoever carries the command: the control
 * plane's Kafka routes (embedded mode) or the HTTP endpoint a Knative Service exposes (distributed mode).
 */
@Component
public class CommandAnswers {

    private static final Logger log = LoggerFactory.getLogger(CommandAnswers.class);

    private final FunctionInvoker invoker;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public CommandAnswers(FunctionInvoker invoker, JsonMapper json) {
        this.invoker = invoker;
        this.json = json;
    }

    /**
     * The {@code completed} reply, or the {@code failed} one when the function states that the operation cannot be
     * done; empty when the function says the command must go unanswered. Any other failure is thrown, for the
     * carrier to retry.
     */
    public Optional<CloudEvent> answer(Operation operation, CloudEvent command) {
        try {
            byte[] result = invoker.invoke(operation, command);
            return Optional.of(Replies.to(command, operation, Phase.COMPLETED, result, clock));
        } catch (OperationFailedException failure) {
            return Optional.of(failed(command, operation, failure.getMessage(), failure.retryable()));
        } catch (NoReplyException silence) {
            log.info("Leaving {} {} unanswered: {}", command.getType(), command.getId(), silence.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code failed} reply with its reason, for a failure stated by the function or one its carrier gave up on. */
    public CloudEvent failed(CloudEvent command, Operation operation, String reason, boolean retryable) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", reason == null || reason.isBlank() ? "no reason given" : reason);
        data.put("retryable", retryable);
        return Replies.to(command, operation, Phase.FAILED, json.writeValueAsBytes(data), clock);
    }
}
