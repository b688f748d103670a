package io.opencloud.controlplane.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens a decoder accepted until they expire, so that a client sending the same token on every
 * request has its signature and claims checked once, not on every request. Only time changes a verified token's
 * verdict, so a remembered one is checked again for expiry (with the decoder's allowed skew) and nothing else. The
 * memory is bounded: when full it is emptied, and tokens are simply verified again.
 */
final class RememberedTokens implements JwtDecoder {

    private static final int MAX_TOKENS = 10_000;
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> accepted = new ConcurrentHashMap<>();

    RememberedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = accepted.get(token);
        Instant now = clock.instant();
        if (known != null) {
            if (known.getExpiresAt() != null && now.minus(SKEW).isAfter(known.getExpiresAt())) {
                accepted.remove(token);
                throw new BadJwtException("the token has expired");
            }
            return known;
        }
        Jwt verified = decoder.decode(token);
        if (verified.getExpiresAt() != null) {
            if (accepted.size() >= MAX_TOKENS) {
                accepted.clear();
            }
            accepted.put(token, verified);
        }
        return verified;
    }
}
