package io.opencloud.controlplane.federation;

import java.time.OffsetDateTime;

/**
 * This control plane as its peers know it.
 *
 * @param peerId       the base64url SHA-256 of the public key: how peers name this control plane
 * @param publicKey    the X.509 SubjectPublicKeyInfo encoding of its Ed25519 signing key, base64
 * @param agreementKey the X.509 encoding of its X25519 key agreement key, base64
 */
public record Identity(String peerId, String name, String endpoint, String algorithm, String publicKey,
                       String agreementKey, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
