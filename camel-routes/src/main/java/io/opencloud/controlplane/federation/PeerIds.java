package io.opencloud.controlplane.federation;

import io.opencloud.functions.s3.Sha256;
import java.util.Base64;

/** A peer's id: the base64url SHA-256, without padding, of its Ed25519 public key's X.509 encoding. */
public final class PeerIds {

    private PeerIds() {
    }

    public static String of(byte[] publicKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest().digest(publicKey));
    }
}
