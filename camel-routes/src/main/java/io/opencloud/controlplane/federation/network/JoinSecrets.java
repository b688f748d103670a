package io.opencloud.controlplane.federation.network;

import io.opencloud.functions.secrets.RandomText;

/** The secret of a private network's join key: 32 random bytes, base64url, sealed at rest for that network only. */
final class JoinSecrets {

    private JoinSecrets() {
    }

    static String fresh() {
        return RandomText.base64url(32);
    }

    static String sealedFor(String networkId) {
        return "network-join-secret:" + networkId;
    }
}
