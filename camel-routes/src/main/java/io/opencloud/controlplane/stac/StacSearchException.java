package io.opencloud.controlplane.stac;

/** A STAC search the catalog cannot run as asked; the message says what is wrong. */
public class StacSearchException extends RuntimeException {

    public StacSearchException(String message) {
        super(message);
    }
}
