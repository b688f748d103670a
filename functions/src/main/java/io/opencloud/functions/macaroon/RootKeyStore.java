package io.opencloud.functions.macaroon;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Root keys in PostgreSQL. The newest unretired key signs new macaroons; every key stays readable so that a
 * macaroon keeps verifying after a restart for as long as its own caveats allow.
 */
@Repository
public class RootKeyStore {

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    public RootKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RootKey> find(UUID id) {
        return jdbc.sql("SELECT key_id, secret FROM macaroon_root_key WHERE key_id = ?")
                .param(id)
                .query((rs, n) -> new RootKey(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .optional();
    }

    /** The key that signs new macaroons, created on first use. */
    public RootKey current() {
        return newest().orElseGet(this::createFirst);
    }

    private Optional<RootKey> newest() {
        return jdbc.sql("""
                        SELECT key_id, secret FROM macaroon_root_key
                        WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1""")
                .query((rs, n) -> new RootKey(rs.getObject(1, UUID.class), rs.getBytes(2)))
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
        jdbc.sql("INSERT INTO macaroon_root_key (key_id, secret) VALUES (?, ?)").params(key.id(), key.secret()).update();
        return key;
    }
}
