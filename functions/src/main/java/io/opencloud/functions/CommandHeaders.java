package io.opencloud.functions;

import java.util.Optional;
import org.springframework.messaging.MessageHeaders;

/**
 * The message headers a function may read about the command it serves. They follow the Spring Cloud Function
 * convention for binary CloudEvents ({@code ce-} and the attribute name), so a function behaves the same whether
 * the control plane invokes it from Kafka or Knative delivers it over HTTP.
 */
public final class CommandHeaders {

    public static final String ID = "ce-id";
    public static final String SOURCE = "ce-source";
    public static final String TYPE = "ce-type";
    public static final String SUBJECT = "ce-subject";
    public static final String SAGA_ID = "ce-sagaid";

    private CommandHeaders() {
    }

    /** The command's identity, unique per source (CloudEvents), which functions use as their idempotency key. */
    public static CommandId commandId(MessageHeaders headers) {
        Object id = headers.get(ID);
        Object source = headers.get(SOURCE);
        if (id == null || source == null) {
            throw new OperationFailedException("the command carries no " + ID + " and " + SOURCE
                    + " headers, so it cannot be carried out idempotently", false);
        }
        return new CommandId(source.toString(), id.toString());
    }

    /** The saga the command belongs to, if any. */
    public static Optional<String> sagaId(MessageHeaders headers) {
        return Optional.ofNullable(headers.get(SAGA_ID)).map(Object::toString);
    }

    /**
     * The saga the command belongs to, for operations that only make sense within one.
     *
     * @throws OperationFailedException when the command carries no saga id
     */
    public static String requireSagaId(MessageHeaders headers) {
        return sagaId(headers).orElseThrow(() -> new OperationFailedException(
                "the command carries no " + SAGA_ID + " header; this operation belongs to a saga", false));
    }

    /** A command's CloudEvent source and id. */
    public record CommandId(String source, String id) {
    }
}
