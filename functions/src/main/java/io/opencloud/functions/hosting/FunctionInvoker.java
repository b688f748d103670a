package io.opencloud.functions.hosting;

import io.cloudevents.CloudEvent;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.NoReplyException;
import io.opencloud.functions.OperationFailedException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes an operation's function through the Spring Cloud Function catalog, the way Knative would over HTTP: the
 * command's data as JSON payload and its attributes as {@code ce-} headers; the result comes back as JSON.
 */
@Component
public class FunctionInvoker {

    private final FunctionCatalog catalog;
    private final JsonMapper json;

    public FunctionInvoker(FunctionCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * @return the JSON the function produced
     * @throws OperationFailedException when the function says the operation cannot be done
     * @throws NoReplyException when the function says the command must go unanswered
     */
    public byte[] invoke(Operation operation, CloudEvent command) {
        FunctionInvocationWrapper function = catalog.lookup(operation.functionName(), MimeTypeUtils.APPLICATION_JSON_VALUE);
        if (function == null) {
            throw new IllegalStateException("no function bean named " + operation.functionName());
        }
        MessageBuilder<byte[]> input = MessageBuilder.withPayload(command.getData() == null ? new byte[0]
                        : command.getData().toBytes())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(CommandHeaders.ID, command.getId())
                .setHeader(CommandHeaders.SOURCE, command.getSource().toString())
                .setHeader(CommandHeaders.TYPE, command.getType());
        if (command.getSubject() != null) {
            input.setHeader(CommandHeaders.SUBJECT, command.getSubject());
        }
        Object sagaId = command.getExtension(Envelope.SAGA_ID);
        if (sagaId != null) {
            input.setHeader(CommandHeaders.SAGA_ID, sagaId.toString());
        }
        try {
            return toJson(function.apply(input.build()));
        } catch (RuntimeException e) {
            throw functionsOwn(e).orElseThrow(() -> e);
        }
    }

    // Spring Cloud Function may wrap what the function threw; the function's own verdict is what counts.
    private static Optional<RuntimeException> functionsOwn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof OperationFailedException || t instanceof NoReplyException) {
                return Optional.of((RuntimeException) t);
            }
        }
        return Optional.empty();
    }

    private byte[] toJson(Object result) {
        Object payload = result instanceof Message<?> message ? message.getPayload() : result;
        return switch (payload) {
            case byte[] bytes -> bytes;
            case String text -> text.getBytes(StandardCharsets.UTF_8);
            default -> json.writeValueAsBytes(payload);
        };
    }
}
