package io.opencloud.controlplane.federation.network;

import java.security.SecureRandom;
import java.util.Base64;

/** The secret of a private network's join key: 32 random bytes, base64url, sealed at rest for that network only. */
final class JoinSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinSecrets() {
    }

    static String fresh() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String sealedFor(String networkId) {
        return "network-join-secret:" + networkId;
    }
}
