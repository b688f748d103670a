package io.opencloud.functions;

/**
 * Thrown by a function when its operation cannot be carried out. The host answers the command with the operation's
 * {@code failed} event carrying the reason, and {@code retryable} tells a saga whether trying again may help.
 */
public class OperationFailedException extends RuntimeException {

    private final boolean retryable;

    public OperationFailedException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public OperationFailedException(String reason, boolean retryable, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
