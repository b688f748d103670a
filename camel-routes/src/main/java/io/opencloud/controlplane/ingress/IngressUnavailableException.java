package io.opencloud.controlplane.ingress;

/** The broker did not acknowledge an accepted event, so it was not accepted after all; the sender should retry. */
public class IngressUnavailableException extends RuntimeException {

    public IngressUnavailableException(String topic, Throwable cause) {
        super("the event could not be stored on " + topic + ": " + cause.getMessage(), cause);
    }
}
