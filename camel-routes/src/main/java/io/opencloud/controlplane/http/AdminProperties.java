package io.opencloud.controlplane.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.admin}: who may use the administrative APIs a peer must never reach (see {@link AdminAccess}).
 *
 * @param token         a bearer token that opens them from anywhere ({@code OPENCLOUD_ADMIN_TOKEN}); empty for none
 * @param trustLoopback whether a request from the loopback interface needs no token: true on the embedded default,
 *                      false in the distributed profile, where every request reaches the control plane from Knative's
 *                      queue proxy on the loopback
 */
@ConfigurationProperties("opencloud.admin")
public record AdminProperties(@DefaultValue("") String token, @DefaultValue("true") boolean trustLoopback) {
}
