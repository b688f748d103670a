package io.opencloud.controlplane.federation;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 signatures over a peer event's {@link SignedContent} or a peer's card, base64url without padding. */
public final class Ed25519 {

    private Ed25519() {
    }

    public static String sign(PrivateKey key, SignedContent content) {
        return sign(key, content.bytes());
    }

    public static String sign(PrivateKey key, byte[] content) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(content);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the identity's key", e);
        }
    }

    /** Whether the signature is the key's over the content; a malformed key or signature is simply not valid. */
    public static boolean verifies(byte[] publicKey, SignedContent content, String signature) {
        return verifies(publicKey, content.bytes(), signature);
    }

    public static boolean verifies(byte[] publicKey, byte[] content, String signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(content);
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
