package io.opencloud.controlplane.federation;

/** A peer event that is not acted on, with the reason given back to its sender (403). */
public class PeerEventRefusedException extends RuntimeException {

    public PeerEventRefusedException(String reason) {
        super(reason);
    }
}
