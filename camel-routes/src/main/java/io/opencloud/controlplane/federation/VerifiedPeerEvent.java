package io.opencloud.controlplane.federation;

import io.opencloud.events.FederationType;
import tools.jackson.databind.JsonNode;

/** A peer event whose schema, age, signature and novelty have been checked: {@code signer} sent it. */
public record VerifiedPeerEvent(String id, FederationType type, PeerCard signer, String subject, JsonNode data) {
}
