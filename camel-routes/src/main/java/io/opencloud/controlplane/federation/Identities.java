package io.opencloud.controlplane.federation;

import io.opencloud.functions.secrets.SecretBox;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The identity row: created on the first start with a new Ed25519 signing key pair and an X25519 key agreement pair
 * (the private halves sealed with the secrets key), then kept; renaming or moving the control plane keeps its keys, so
 * its peers still recognise its signatures.
 */
@Repository
@EnableConfigurationProperties(IdentityProperties.class)
public class Identities {

    static final String ALGORITHM = "Ed25519";
    static final String AGREEMENT = "X25519";
    private static final String SEALED_FOR = "control-plane-identity";
    private static final String AGREEMENT_SEALED_FOR = "control-plane-agreement";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final IdentityProperties defaults;

    public Identities(JdbcClient jdbc, SecretBox secrets, IdentityProperties defaults) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.defaults = defaults;
    }

    /**
     * Creates the identity on the first start, and its agreement keys on the first start of a version that has them;
     * a second start, or a second replica racing it, keeps the first.
     */
    @EventListener(ContextRefreshedEvent.class)
    @Order(0)
    public void createOnFirstStart() {
        if (find().isEmpty()) {
            KeyPair keys = newKeyPair(ALGORITHM);
            jdbc.sql("""
                            INSERT INTO control_plane_identity (name, endpoint, algorithm, public_key, sealed_private_key)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (singleton) DO NOTHING""")
                    .params(defaults.name(), defaults.endpoint(), ALGORITHM, keys.getPublic().getEncoded(),
                            secrets.seal(keys.getPrivate().getEncoded(), SEALED_FOR))
                    .update();
        }
        if (self().agreementKey() != null) {
            return;
        }
        KeyPair agreement = newKeyPair(AGREEMENT);
        jdbc.sql("""
                        UPDATE control_plane_identity SET agreement_public_key = ?, sealed_agreement_private_key = ?
                        WHERE agreement_public_key IS NULL""")
                .params(agreement.getPublic().getEncoded(),
                        secrets.seal(agreement.getPrivate().getEncoded(), AGREEMENT_SEALED_FOR))
                .update();
    }

    public Optional<Identity> find() {
        return jdbc.sql("""
                        SELECT name, endpoint, algorithm, public_key, agreement_public_key, created_at, updated_at
                        FROM control_plane_identity""")
                .query((row, n) -> {
                    byte[] publicKey = row.getBytes("public_key");
                    byte[] agreementKey = row.getBytes("agreement_public_key");
                    return new Identity(PeerIds.of(publicKey), row.getString("name"), row.getString("endpoint"),
                            row.getString("algorithm"), Base64.getEncoder().encodeToString(publicKey),
                            agreementKey == null ? null : Base64.getEncoder().encodeToString(agreementKey),
                            row.getObject("created_at", OffsetDateTime.class),
                            row.getObject("updated_at", OffsetDateTime.class));
                })
                .optional();
    }

    /** This control plane's identity, which exists from the first start on. */
    public Identity self() {
        return find().orElseThrow(() -> new IllegalStateException("the control plane's identity is not made yet"));
    }

    /** This control plane's card, signed with its key, as its peers are shown it. */
    public PeerCard card() {
        Identity self = self();
        PeerCard unsigned = new PeerCard(self.peerId(), self.name(), self.endpoint(), self.publicKey(),
                self.agreementKey(), self.updatedAt().toInstant().toString(), null);
        return unsigned.withSignature(Ed25519.sign(signingKey(), unsigned.signedBytes()));
    }

    /** Renames or moves the control plane; its key pairs stay. */
    public Identity update(String name, String endpoint) {
        jdbc.sql("UPDATE control_plane_identity SET name = ?, endpoint = ?, updated_at = now()")
                .params(name, endpoint).update();
        return self();
    }

    /** The private half of the signing key, opened with the secrets key. */
    public PrivateKey signingKey() {
        return privateKey("sealed_private_key", SEALED_FOR, ALGORITHM);
    }

    /** The private half of the key agreement key, opened with the secrets key. */
    public PrivateKey agreementKey() {
        return privateKey("sealed_agreement_private_key", AGREEMENT_SEALED_FOR, AGREEMENT);
    }

    private PrivateKey privateKey(String column, String sealedFor, String algorithm) {
        byte[] sealed = jdbc.sql("SELECT " + column + " FROM control_plane_identity").query(byte[].class).single();
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(secrets.open(sealed, sealedFor)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the identity's " + algorithm + " private key cannot be read", e);
        }
    }

    private static KeyPair newKeyPair(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm + " key pair generator", e);
        }
    }
}
