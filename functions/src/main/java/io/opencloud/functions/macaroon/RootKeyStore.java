package io.opencloud.functions.macaroon;

import io.opencloud.functions.secrets.SecretBox;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Root keys in PostgreSQL, sealed with the secrets key (bound to their key id, so a sealed key copied onto another
 * row does not open). The newest unretired key signs new macaroons; every key stays readable so that a macaroon keeps
 * verifying after a restart for as long as its own caveats allow. A key stored plain by an older version is sealed
 * the first time it is read.
 */
@Repository
public class RootKeyStore {

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final SecureRandom random = new SecureRandom();

    public RootKeyStore(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public Optional<RootKey> find(UUID id) {
        return jdbc.sql("SELECT key_id, secret, sealed_secret FROM macaroon_root_key WHERE key_id = ?")
                .param(id)
                .query(this::key)
                .optional();
    }

    /** The key that signs new macaroons, created on first use. */
    public RootKey current() {
        return newest().orElseGet(this::createFirst);
    }

    private Optional<RootKey> newest() {
        return jdbc.sql("""
                        SELECT key_id, secret, sealed_secret FROM macaroon_root_key
                        WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1""")
                .query(this::key)
                .optional();
    }

    /*
     * Two issuers racing on an empty table may each create a key. Both stay valid and findable by id, so the race
     * costs one spare key and no lock is worth taking for it.
     */
    private RootKey createFirst() {
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        RootKey key = new RootKey(UUID.randomUUID(), secret);
        jdbc.sql("INSERT INTO macaroon_root_key (key_id, sealed_secret) VALUES (?, ?)")
                .params(key.id(), secrets.seal(key.secret(), sealedFor(key.id()))).update();
        return key;
    }

    private RootKey key(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        byte[] plain = row.getBytes(2);
        if (plain == null) {
            return new RootKey(id, secrets.open(row.getBytes(3), sealedFor(id)));
        }
        jdbc.sql("UPDATE macaroon_root_key SET sealed_secret = ?, secret = NULL WHERE key_id = ? AND secret IS NOT NULL")
                .params(secrets.seal(plain, sealedFor(id)), id).update();
        return new RootKey(id, plain);
    }

    private static String sealedFor(UUID id) {
        return "macaroon-root-key:" + id;
    }
}
