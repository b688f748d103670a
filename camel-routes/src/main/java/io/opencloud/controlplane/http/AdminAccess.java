package io.opencloud.controlplane.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may use the administrative endpoints (every endpoint not marked {@link OpenToPeers}): the bearer of
 * {@code opencloud.admin.token}, from anywhere; and a request from the loopback interface, where that is trusted.
 * The loopback is trusted only when the property says so, no forwarded-headers handling can rewrite the client's
 * address, and the request did not come through a proxy that says so in its headers: a reverse proxy on the same
 * host makes every request look local.
 */
public final class AdminAccess {

    private AdminAccess() {
    }

    /**
     * Why the request may not use an administrative endpoint, or empty when it may.
     *
     * @param trustLoopback whether the loopback is trusted at all (property and forwarded-headers strategy)
     * @param proxied       whether the request carries a forwarding header
     */
    public static Optional<String> refusal(String token, boolean trustLoopback, String remoteAddress, boolean proxied,
                                           String authorization) {
        if (!token.isEmpty() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        if (trustLoopback && !proxied && loopback(remoteAddress)) {
            return Optional.empty();
        }
        if (token.isEmpty()) {
            return Optional.of("the administrative API answers only requests made on this machine's loopback"
                    + " interface, not through a proxy; set OPENCLOUD_ADMIN_TOKEN (opencloud.admin.token) to use it"
                    + " from elsewhere");
        }
        return Optional.of("the administrative API needs the header Authorization: Bearer <OPENCLOUD_ADMIN_TOKEN>");
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
