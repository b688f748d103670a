package io.opencloud.controlplane.federation;

/** A peer could not be reached, or did not answer as a control plane does; the message says which and why. */
public class PeerUnavailableException extends RuntimeException {

    public PeerUnavailableException(String message) {
        super(message);
    }
}
