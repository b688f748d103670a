package io.opencloud.controlplane.federation;

/** A peer's answer to an event: the HTTP status and the body, which explains a refusal. */
public record PeerAnswer(int status, String body) {

    public boolean taken() {
        return status / 100 == 2;
    }

    /** 409: the peer had already acted on this event, so a retry that reached it twice is done too. */
    public boolean alreadyTaken() {
        return status == 409;
    }

    /** A refusal that asking again cannot change. */
    public boolean refused() {
        return status / 100 == 4 && status != 408 && status != 425 && status != 429 && !alreadyTaken();
    }
}
