package io.opencloud.controlplane.federation.delegation;

import io.opencloud.functions.s3.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identifier of a third-party caveat a provider adds for a peer: the caveat's root key and its predicate,
 * encrypted so that only that peer can read them. The key is agreed with X25519 between the provider's and the
 * peer's agreement keys, hashed with both peer ids, and used with AES-256-GCM; the peer ids are authenticated too.
 * Written {@code oc3p1.<provider peer id>.<holder peer id>.<nonce>.<ciphertext>}, base64url parts, so the peer knows
 * whose key to agree with. A discharge made without reading it cannot carry the right key, and its provider refuses
 * it.
 */
public final class CaveatIds {

    private static final String PREFIX = "oc3p1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a caveat identifier holds, once opened. */
    public record Opened(String provider, String holder, String caveatKey, String predicate) {
    }

    private CaveatIds() {
    }

    public static String seal(PrivateKey providerAgreement, byte[] holderAgreementKey, String provider, String holder,
                              String caveatKey, String predicate) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        byte[] plain = (caveatKey + "\n" + predicate).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, providerAgreement, holderAgreementKey, provider, holder, nonce,
                plain);
        return String.join(".", PREFIX, provider, holder, ENCODER.encodeToString(nonce), ENCODER.encodeToString(sealed));
    }

    /** The provider a caveat identifier names, or null when it is not one of these. */
    public static String providerOf(String caveatId) {
        String[] parts = caveatId.split("\\.");
        return parts.length == 5 && PREFIX.equals(parts[0]) ? parts[1] : null;
    }

    /** The holder a caveat identifier names, or null when it is not one of these. */
    public static String holderOf(String caveatId) {
        String[] parts = caveatId.split("\\.");
        return parts.length == 5 && PREFIX.equals(parts[0]) ? parts[2] : null;
    }

    /** @throws IllegalArgumentException when it was not sealed for this holder by that provider */
    public static Opened open(PrivateKey holderAgreement, byte[] providerAgreementKey, String caveatId) {
        String[] parts = caveatId.split("\\.");
        if (parts.length != 5 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("the caveat was not sealed by an Open Cloud control plane");
        }
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, holderAgreement, providerAgreementKey, parts[1], parts[2],
                    Base64.getUrlDecoder().decode(parts[3]), Base64.getUrlDecoder().decode(parts[4]));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the caveat was not sealed for this control plane", e);
        }
        String text = new String(plain, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return new Opened(parts[1], parts[2], text.substring(0, newline), text.substring(newline + 1));
    }

    private static byte[] cipher(int mode, PrivateKey own, byte[] theirs, String provider, String holder,
                                 byte[] nonce, byte[] input) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(own);
            agreement.doPhase(KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(theirs)), true);
            MessageDigest digest = Sha256.digest();
            digest.update("opencloud third-party caveat v1".getBytes(StandardCharsets.US_ASCII));
            digest.update(agreement.generateSecret());
            byte[] context = (provider + "|" + holder).getBytes(StandardCharsets.US_ASCII);
            digest.update(context);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(digest.digest(), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("third-party caveat cipher failed: " + e.getMessage(), e);
        }
    }
}
