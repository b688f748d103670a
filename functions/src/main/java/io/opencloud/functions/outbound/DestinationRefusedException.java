package io.opencloud.functions.outbound;

import io.opencloud.functions.OperationFailedException;

/** A request the destination policy does not let leave: never retried, since the same URL is refused again. */
public class DestinationRefusedException extends OperationFailedException {

    public DestinationRefusedException(String message) {
        super(message + " (refused by the destination policy, opencloud.outbound)", false);
    }
}
