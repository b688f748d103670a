package io.opencloud.controlplane.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * What a control plane tells its peers about itself, signed by itself, and what a network's member list holds for
 * each member: the {@code member} object of the federation events' schemas. Because the control plane signs its own
 * card, a member that passes cards on (an owner announcing its network) cannot change another's endpoint or keys;
 * {@code issuedAt} orders the cards of one control plane, so an old card cannot replace a newer one.
 *
 * @param publicKey    Ed25519, X.509 SubjectPublicKeyInfo, base64
 * @param agreementKey X25519, X.509 SubjectPublicKeyInfo, base64
 * @param issuedAt     when the control plane last changed its name or endpoint, RFC 3339
 * @param signature    Ed25519 over {@link #signedBytes()}, base64url
 */
public record PeerCard(String peerId, String name, String endpoint, String publicKey, String agreementKey,
                       String issuedAt, String signature) {

    /**
     * Why the card cannot be trusted: its peer id is not its key's hash, its signature is not its own, or its
     * endpoint or keys are malformed. Empty when it is sound.
     */
    public Optional<String> fault() {
        if (peerId == null || name == null || endpoint == null || publicKey == null || agreementKey == null
                || issuedAt == null || signature == null) {
            return Optional.of("the card of " + name + " lacks one of peerId, name, endpoint, publicKey,"
                    + " agreementKey, issuedAt, signature");
        }
        try {
            if (!PeerIds.of(publicKeyBytes()).equals(peerId)) {
                return Optional.of("the peer id of " + name + " is not the SHA-256 of its public key");
            }
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKeyBytes()));
            KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(agreementKeyBytes()));
            Instant.parse(issuedAt);
        } catch (IllegalArgumentException | GeneralSecurityException | DateTimeParseException e) {
            return Optional.of("the keys or time on the card of " + name + " are malformed: " + e.getMessage());
        }
        if (!isHttpUrl(endpoint)) {
            return Optional.of("the endpoint of " + name + " is not an absolute http or https URL: " + endpoint);
        }
        if (!Ed25519.verifies(publicKeyBytes(), signedBytes(), signature)) {
            return Optional.of("the card of " + name + " is not signed by its own key: it was altered");
        }
        return Optional.empty();
    }

    /** What the signature covers: every field, each preceded by its length. */
    public byte[] signedBytes() {
        return LengthPrefixed.of("opencloud-peer-card-v1", peerId, name, endpoint, agreementKey, issuedAt);
    }

    /** The same card with this signature. */
    public PeerCard withSignature(String signature) {
        return new PeerCard(peerId, name, endpoint, publicKey, agreementKey, issuedAt, signature);
    }

    public byte[] publicKeyBytes() {
        return Base64.getDecoder().decode(publicKey);
    }

    public byte[] agreementKeyBytes() {
        return Base64.getDecoder().decode(agreementKey);
    }

    public static boolean isHttpUrl(String text) {
        if (text == null) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
