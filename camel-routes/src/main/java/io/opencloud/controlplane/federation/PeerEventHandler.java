package io.opencloud.controlplane.federation;

import io.opencloud.events.FederationType;

/**
 * Acts on one type of verified peer event, in the transaction that records the event as received, so that an event
 * is either acted on and recorded, or neither.
 */
public interface PeerEventHandler {

    FederationType type();

    /**
     * @return what was done, for the answer to the sender
     * @throws PeerEventRefusedException when the sender may not do this, for example as a non-member
     */
    String handle(VerifiedPeerEvent event);
}
