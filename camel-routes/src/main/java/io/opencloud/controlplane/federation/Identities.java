package io.opencloud.controlplane.federation;

import io.opencloud.functions.secrets.SecretBox;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The identity row: created on the first start with a new Ed25519 key pair (the private half sealed with the secrets
 * key), then kept; renaming or moving the control plane keeps its key, so its peers still recognise its signatures.
 */
@Repository
@EnableConfigurationProperties(IdentityProperties.class)
public class Identities {

    static final String ALGORITHM = "Ed25519";
    private static final String SEALED_FOR = "control-plane-identity";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final IdentityProperties defaults;

    public Identities(JdbcClient jdbc, SecretBox secrets, IdentityProperties defaults) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.defaults = defaults;
    }

    /** Creates the identity on the first start; a second start, or a second replica racing it, keeps the first. */
    @EventListener(ContextRefreshedEvent.class)
    public void createOnFirstStart() {
        if (find().isPresent()) {
            return;
        }
        KeyPair keys = newKeyPair();
        jdbc.sql("""
                        INSERT INTO control_plane_identity (name, endpoint, algorithm, public_key, sealed_private_key)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (singleton) DO NOTHING""")
                .params(defaults.name(), defaults.endpoint(), ALGORITHM, keys.getPublic().getEncoded(),
                        secrets.seal(keys.getPrivate().getEncoded(), SEALED_FOR))
                .update();
    }

    public Optional<Identity> find() {
        return jdbc.sql("""
                        SELECT name, endpoint, algorithm, public_key, created_at, updated_at
                        FROM control_plane_identity""")
                .query((row, n) -> new Identity(row.getString("name"), row.getString("endpoint"),
                        row.getString("algorithm"), Base64.getEncoder().encodeToString(row.getBytes("public_key")),
                        row.getObject("created_at", OffsetDateTime.class),
                        row.getObject("updated_at", OffsetDateTime.class)))
                .optional();
    }

    /** Renames or moves the control plane; its key pair stays. */
    public Identity update(String name, String endpoint) {
        jdbc.sql("UPDATE control_plane_identity SET name = ?, endpoint = ?, updated_at = now()")
                .params(name, endpoint).update();
        return find().orElseThrow();
    }

    private static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + ALGORITHM + " key pair generator", e);
        }
    }
}
