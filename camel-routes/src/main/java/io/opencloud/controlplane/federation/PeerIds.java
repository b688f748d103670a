package io.opencloud.controlplane.federation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A peer's id: the base64url SHA-256, without padding, of its Ed25519 public key's X.509 encoding. */
public final class PeerIds {

    private PeerIds() {
    }

    public static String of(byte[] publicKey) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(publicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
