package io.opencloud.controlplane.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Which requests reach the administrative side of federation: this control plane's identity, networks (whose join
 * keys are secrets), peers, catalog, favourites, the grants it holds, and the macaroons it issues. Peers must reach
 * {@code POST /events}, {@code GET /federation/identity} and the token and validation endpoints of the
 * compute-provider API, so those stay open, and whoever can reach those must not reach these. A request is let in
 * when it carries {@code Authorization: Bearer <opencloud.admin.token>}, or comes from the loopback interface where
 * that is trusted.
 */
public final class AdminAccess {

    private static final List<String> PREFIXES = List.of("/admin/", "/networks", "/peers", "/catalog", "/users/",
            "/grants");
    private static final String ISSUED_MACAROONS = "/provider/macaroons";

    private AdminAccess() {
    }

    /** Whether the path is administrative. */
    public static boolean guards(String path) {
        if (path.equals(ISSUED_MACAROONS) || path.startsWith(ISSUED_MACAROONS + "/")) {
            return !path.equals(ISSUED_MACAROONS + "/validate");
        }
        return PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix.endsWith("/")
                ? prefix : prefix + "/"));
    }

    /** Why the request may not use the administrative path, or empty when it may. */
    public static Optional<String> refusal(AdminProperties admin, String remoteAddress, String authorization) {
        if (!admin.token().isEmpty() && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(admin.token().getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        if (admin.trustLoopback() && loopback(remoteAddress)) {
            return Optional.empty();
        }
        if (admin.token().isEmpty()) {
            return Optional.of("the administrative API answers only requests from this machine's loopback interface;"
                    + " set OPENCLOUD_ADMIN_TOKEN (opencloud.admin.token) to use it from elsewhere");
        }
        return Optional.of("the administrative API needs the header Authorization: Bearer <OPENCLOUD_ADMIN_TOKEN>");
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
