package io.opencloud.controlplane.access;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How access tokens are checked: signed (RS256, by a key of the issuer; {@code none} and HMAC algorithms are
 * refused), within their validity, by the expected issuer, for the audience {@code opencloud.auth.audience}.
 * The embedded issuer's tokens are checked against its own keys, without a request; an external issuer's keys are
 * fetched from its discovery document on first use, so the control plane starts while the issuer is still down. A
 * token that passed is remembered until it expires ({@link RememberedTokens}).
 */
@Configuration(proxyBeanMethods = false)
public class TokenDecoding {

    @Bean
    JwtDecoder jwtDecoder(AuthProperties properties, SigningKeys keys, EmbeddedIssuer embedded) {
        return new RememberedTokens(verifier(properties, keys, embedded), Clock.systemUTC());
    }

    private static JwtDecoder verifier(AuthProperties properties, SigningKeys keys, EmbeddedIssuer embedded) {
        OAuth2TokenValidator<Jwt> audience = audience(properties.audience());
        if (properties.external()) {
            String issuer = properties.issuerUri();
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
                decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(issuer), audience));
                return decoder;
            });
        }
        JWKSource<SecurityContext> source = keys.source();
        NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(source);
        OAuth2TokenValidator<Jwt> issuer = token -> embedded.isOwn(token.getClaimAsString("iss"))
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "another issuer", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), issuer, audience));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return token -> {
            List<String> audiences = token.getAudience();
            return audiences != null && audiences.contains(audience) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "another audience", null));
        };
    }
}
