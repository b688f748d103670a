package io.opencloud.controlplane.federation;

/**
 * A peer event that is not acted on, with the reason given back to its sender: 403, or 425 when the event may have
 * come too early (its sender is a member this control plane has not been told of yet), so that the sender tries again.
 */
public class PeerEventRefusedException extends RuntimeException {

    private final boolean tooEarly;

    private PeerEventRefusedException(String reason, boolean tooEarly) {
        super(reason);
        this.tooEarly = tooEarly;
    }

    public static PeerEventRefusedException refused(String reason) {
        return new PeerEventRefusedException(reason, false);
    }

    public static PeerEventRefusedException tooEarly(String reason) {
        return new PeerEventRefusedException(reason, true);
    }

    public boolean tooEarly() {
        return tooEarly;
    }
}
