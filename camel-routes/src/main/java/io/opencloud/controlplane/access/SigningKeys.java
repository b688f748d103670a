package io.opencloud.controlplane.access;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.opencloud.functions.secrets.SecretBox;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA key the embedded authorization server signs access tokens with: made on the first start, kept in the
 * database with its private half sealed by the secrets key, so that every restart (and every replica) signs and checks
 * with the same key. Two control planes starting at once on one database end up with the same key: the first insert
 * wins and both read it back.
 */
@Component
public class SigningKeys {

    private static final String SEALED_FOR = "token-signing-key";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private volatile JWKSource<SecurityContext> source;

    public SigningKeys(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public JWKSource<SecurityContext> source() {
        JWKSource<SecurityContext> known = source;
        if (known == null) {
            synchronized (this) {
                if (source == null) {
                    source = new ImmutableJWKSet<>(new JWKSet(load()));
                }
                known = source;
            }
        }
        return known;
    }

    private RSAKey load() {
        if (jdbc.sql("SELECT count(*) FROM token_signing_key").query(Long.class).single() == 0) {
            create();
        }
        record Row(String keyId, byte[] publicKey, byte[] sealedPrivateKey) {
        }
        Row row = jdbc.sql("""
                        SELECT key_id, public_key, sealed_private_key FROM token_signing_key
                        ORDER BY created_at, key_id LIMIT 1""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getBytes(3))).single();
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(row.publicKey()));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(secrets.open(row.sealedPrivateKey(), SEALED_FOR + ":" + row.keyId())));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(row.keyId()).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token signing key in the database cannot be read", e);
        }
    }

    private void create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String keyId = UUID.randomUUID().toString();
            jdbc.sql("""
                            INSERT INTO token_signing_key (key_id, public_key, sealed_private_key)
                            VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(keyId, pair.getPublic().getEncoded(),
                            secrets.seal(pair.getPrivate().getEncoded(), SEALED_FOR + ":" + keyId))
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key pair could be made", e);
        }
    }
}
