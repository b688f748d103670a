package io.opencloud.controlplane.federation;

import java.util.Base64;

/**
 * What a control plane tells its peers about itself, and what a network's member list holds for each member: the
 * {@code member} object of the federation events' schemas.
 *
 * @param publicKey    Ed25519, X.509 SubjectPublicKeyInfo, base64
 * @param agreementKey X25519, X.509 SubjectPublicKeyInfo, base64
 */
public record PeerCard(String peerId, String name, String endpoint, String publicKey, String agreementKey) {

    /** Whether the peer id is the hash of the public key, as it must be: an id cannot be claimed with another key. */
    public boolean selfConsistent() {
        try {
            return PeerIds.of(Base64.getDecoder().decode(publicKey)).equals(peerId);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public byte[] publicKeyBytes() {
        return Base64.getDecoder().decode(publicKey);
    }

    public byte[] agreementKeyBytes() {
        return Base64.getDecoder().decode(agreementKey);
    }
}
