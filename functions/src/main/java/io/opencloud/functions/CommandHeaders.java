package io.opencloud.functions;

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

    /** A command's CloudEvent source and id. */
    public record CommandId(String source, String id) {
    }
}
