package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.SigningKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Access tokens that must not pass: each is answered 401 with the same problem document, which repeats nothing of the
 * token. The tokens are made with the control plane's own signing key where only one thing about them is wrong, so
 * that each case fails for its own reason and not for a bad signature.
 */
class TokenFuzzTest extends ControlPlaneTestBase {

    @Autowired
    SigningKeys keys;

    @Test
    void everyBadTokenIs401AndNothingOfItIsEchoed() throws Exception {
        RSAKey key = (RSAKey) keys.source().get(new JWKSelector(new JWKMatcher.Builder().build()), null).getFirst();
        String issuer = "http://localhost:" + port;
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("valid", sign(key, claims(issuer, "opencloud", now.minusSeconds(5), now.plusSeconds(300))));
        tokens.put("expired", sign(key, claims(issuer, "opencloud", now.minusSeconds(3600), now.minusSeconds(600))));
        tokens.put("not yet valid", sign(key, new JWTClaimsSet.Builder(claims(issuer, "opencloud", now,
                now.plusSeconds(3600))).notBeforeTime(Date.from(now.plusSeconds(1800))).build()));
        tokens.put("wrong issuer", sign(key, claims("https://idp.example", "opencloud", now, now.plusSeconds(300))));
        tokens.put("wrong audience", sign(key, claims(issuer, "someone-else", now, now.plusSeconds(300))));
        tokens.put("alg none", new PlainJWT(claims(issuer, "opencloud", now, now.plusSeconds(300))).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims(issuer, "opencloud", now, now.plusSeconds(300)));
        hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        tokens.put("HS256 keyed with the public key", hmac.serialize());
        String valid = tokens.get("valid");
        String[] parts = valid.split("\\.");
        char last = parts[2].charAt(10);
        tokens.put("tampered signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10)
                + (last == 'A' ? 'B' : 'A') + parts[2].substring(11));
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        tokens.put("signed by another key under a known key id", sign(stranger,
                claims(issuer, "opencloud", now, now.plusSeconds(300))));
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-key").generate();
        tokens.put("unknown key id", sign(unknown, claims(issuer, "opencloud", now, now.plusSeconds(300))));
        tokens.put("garbage", "not.a.token");

        for (Map.Entry<String, String> token : tokens.entrySet()) {
            HttpResponse<String> answer = http().as(token.getValue()).get("/sagas");
            if (token.getKey().equals("valid")) {
                assertThat(answer.statusCode()).as(token.getKey()).isEqualTo(200);
                continue;
            }
            assertThat(answer.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(token.getKey())
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            assertThat(answer.body()).as(token.getKey()).contains("invalid-token")
                    .doesNotContain(token.getValue()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void aValidTokenWithoutATenantIsRefusedWithTheReason() throws JOSEException {
        RSAKey key = (RSAKey) keys.source().get(new JWKSelector(new JWKMatcher.Builder().build()), null).getFirst();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://127.0.0.1:" + port).audience("opencloud")
                .subject("stranger").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build();
        HttpResponse<String> answer = http().as(sign(key, claims)).get("/sagas");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("names no tenant");
    }

    private static JWTClaimsSet claims(String issuer, String audience, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(List.of(audience)).subject("fuzzer")
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires))
                .claim("tenant", Caller.PLATFORM_TENANT).claim("role", "ADMIN").build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
