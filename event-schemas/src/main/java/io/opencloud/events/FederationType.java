package io.opencloud.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudEvents control planes of a federation send one another, over HTTP only ({@code POST /events} of the
 * peer), each signed with its sender's Ed25519 key (extensions {@value #SIGNER}, {@value #RECIPIENT} and {@value #SIGNATURE}). They never
 * travel on Kafka: a peer's event is acted on by the control plane that receives it, once its signature, its age and
 * its sender's membership have been checked.
 */
public enum FederationType {
    /** A control plane asks a network's owner (or, for the public network, any member) to admit it. */
    JOIN_REQUESTED("join", "requested"),
    /** The admitting member announces a network's members to every member, the newcomer included. */
    JOIN_COMPLETED("join", "completed"),
    /** A member tells the others it has left a network. */
    LEAVE_COMPLETED("leave", "completed"),
    /** A provider announces every resource it shares with a network; each announcement replaces the previous. */
    SHARE_COMPLETED("share", "completed"),
    /** A provider hands a peer a macaroon it issued for that peer. */
    GRANT_COMPLETED("grant", "completed"),
    /** A control plane tells its peers its new card, after it was renamed or moved. */
    CARD_COMPLETED("card", "completed");

    /** The extension naming the sender: the base64url SHA-256 of its public key. */
    public static final String SIGNER = "signer";
    /** The extension naming the peer the event is meant for, by its peer id. */
    public static final String RECIPIENT = "recipient";
    /** The extension holding the sender's Ed25519 signature over the event, base64url. */
    public static final String SIGNATURE = "signature";

    private final String operation;
    private final String phase;

    FederationType(String operation, String phase) {
        this.operation = operation;
        this.phase = phase;
    }

    public String type() {
        return "io.opencloud.federation." + operation + "." + phase + ".v1";
    }

    public static Optional<FederationType> of(String type) {
        return Arrays.stream(values()).filter(federation -> federation.type().equals(type)).findFirst();
    }

    public static boolean isFederationType(String type) {
        return of(type).isPresent();
    }
}
