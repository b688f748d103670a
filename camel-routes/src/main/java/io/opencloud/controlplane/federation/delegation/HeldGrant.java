package io.opencloud.controlplane.federation.delegation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A macaroon a provider granted this control plane, as the provider handed it over. */
public record HeldGrant(String provider, UUID id, String resource, String action, OffsetDateTime notBefore,
                        OffsetDateTime expiresAt, String macaroon, OffsetDateTime receivedAt) {
}
