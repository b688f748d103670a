package io.opencloud.controlplane.federation.delegation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A macaroon this control plane, as a provider, issued to a peer: one of its resources, one action, a time window.
 *
 * @param keyId    the root key that signed the macaroon
 * @param macaroon V2 binary, base64url
 */
public record Grant(UUID id, String peer, UUID keyId, String resource, String action, OffsetDateTime notBefore,
                    OffsetDateTime expiresAt, String macaroon, OffsetDateTime issuedAt, OffsetDateTime revokedAt) {
}
