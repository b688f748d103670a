package io.opencloud.controlplane.federation.network;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a newcomer knows a private network's join secret without sending it: the HMAC-SHA256, under the
 * secret, of {@code <network>|<newcomer's peer id>}. Bound to the newcomer, it is worthless to anyone who captures it.
 */
public final class JoinProof {

    private JoinProof() {
    }

    public static String of(String secret, String network, String peerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(secret), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal((network + "|" + peerId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    public static boolean matches(String secret, String network, String peerId, String proof) {
        return proof != null && MessageDigest.isEqual(of(secret, network, peerId).getBytes(StandardCharsets.US_ASCII),
                proof.getBytes(StandardCharsets.US_ASCII));
    }
}
