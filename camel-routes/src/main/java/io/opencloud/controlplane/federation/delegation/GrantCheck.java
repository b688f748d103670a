package io.opencloud.controlplane.federation.delegation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Whether a presented macaroon authorizes a request, and why not when it does not.
 *
 * @param grant the grant the macaroon comes from, when it comes from one of this provider's
 * @param peer  the peer the grant was issued to
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantCheck(boolean valid, String reason, String grant, String peer, String resource, String action) {
}
