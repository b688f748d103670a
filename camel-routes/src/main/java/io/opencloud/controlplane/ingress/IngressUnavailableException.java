package io.opencloud.controlplane.ingress;

/** The broker or the database did not store an accepted event, so it was not accepted after all; send it again. */
public class IngressUnavailableException extends RuntimeException {

    public IngressUnavailableException(String store, Throwable cause) {
        super("the event could not be stored in " + store + ": " + cause.getMessage(), cause);
    }
}
