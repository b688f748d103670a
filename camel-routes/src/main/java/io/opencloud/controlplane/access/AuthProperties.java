package io.opencloud.controlplane.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.auth}: who issues the access tokens the control plane accepts.
 *
 * @param issuerUri     an external OpenID Connect issuer (Keycloak, INDIGO IAM, ...); when set, the embedded
 *                      authorization server is off and only that issuer's tokens are accepted
 * @param issuer        the embedded authorization server's public issuer URL; empty: {@code http://localhost:<port>},
 *                      and tokens that name this control plane by any loopback name are accepted
 * @param audience      the audience a token must name ({@code aud})
 * @param groupsClaim   with an external issuer, the claim listing the caller's groups, each {@code <tenant>} (member)
 *                      or {@code <tenant>/<role>}, optionally with a leading {@code /} as Keycloak writes group paths
 * @param tokenLifetime how long an access token of the embedded server is valid
 * @param adminClientSecret the secret the first administrator's client gets on the first start
 *                      ({@code OPENCLOUD_ADMIN_CLIENT_SECRET}); empty: a random one, written to the data directory
 * @param serviceClientSecret the secret of the control plane's own service client
 *                      ({@value FirstAdministrator#SERVICE_CLIENT}), for whatever acts as the control plane itself
 *                      ({@code OPENCLOUD_SERVICE_CLIENT_SECRET}); empty: a random one, written to the data directory
 */
@ConfigurationProperties("opencloud.auth")
public record AuthProperties(@DefaultValue("") String issuerUri, @DefaultValue("") String issuer,
                             @DefaultValue("opencloud") String audience, @DefaultValue("groups") String groupsClaim,
                             @DefaultValue("PT10M") Duration tokenLifetime,
                             @DefaultValue("") String adminClientSecret,
                             @DefaultValue("") String serviceClientSecret) {

    public boolean external() {
        return !issuerUri.isBlank();
    }
}
