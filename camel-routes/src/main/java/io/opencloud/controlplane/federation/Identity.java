package io.opencloud.controlplane.federation;

import java.time.OffsetDateTime;

/**
 * This control plane as its peers know it.
 *
 * @param publicKey the X.509 SubjectPublicKeyInfo encoding of its signing key, base64
 */
public record Identity(String name, String endpoint, String algorithm, String publicKey, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {
}
