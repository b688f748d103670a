package io.opencloud.functions;

/**
 * Thrown by a function that must leave its command unanswered, as a crashed or partitioned service would; the host
 * sends no reply and the saga's timeout takes over. Only the demonstration functions use it, on a script's say.
 */
public class NoReplyException extends RuntimeException {

    public NoReplyException(String why) {
        super(why);
    }
}
