package io.opencloud.controlplane.access;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The embedded authorization server (Spring Authorization Server, in the control plane's JVM), on unless an external
 * issuer is configured: machines get tokens with the client credentials grant, people log in with the authorization
 * code grant and PKCE (the web console) or the device code grant (a CLI). Clients, authorizations and the signing key
 * live in PostgreSQL, so tokens and device codes outlive a restart. Every access token names its tenant and role
 * ({@link TokenCallers}) and the audience {@code opencloud.auth.audience}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${opencloud.auth.issuer-uri:}'.isBlank()")
public class AuthorizationServer {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, RegisteredClientRepository clients)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        return http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults())
                        .clientAuthentication(authentication -> authentication
                                .authenticationConverter(new DeviceClientConverter())
                                .authenticationProvider(new DeviceClientAuthenticator(clients)))
                        .deviceAuthorizationEndpoint(Customizer.withDefaults())
                        .deviceVerificationEndpoint(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // Token and metadata endpoints take no session's login; a browser sent to authorize logs in first.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    /** The login page a person is sent to by the authorization code and device flows. */
    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        return http.securityMatcher("/login", "/logout")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    /** The signing key, read from the database on first use (after the schema is migrated). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return (selector, context) -> keys.source().get(selector, context);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(EmbeddedIssuer issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        return issuer.configured() ? settings.issuer(issuer.configuredIssuer()).build() : settings.build();
    }

    /** Puts the account's tenant and role (also as a group), and the audience, into every access token. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims(Accounts accounts, AuthProperties properties) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            context.getClaims().audience(List.of(properties.audience()));
            // The groups claim says the same as tenant and role, in the form external issuers use, so that another
            // control plane may take this one as its external issuer.
            accounts.find(context.getPrincipal().getName()).ifPresent(account -> context.getClaims()
                    .claim(TokenCallers.TENANT, account.tenant())
                    .claim(TokenCallers.ROLE, account.role().name())
                    .claim(properties.groupsClaim(), List.of(account.tenant() + "/"
                            + account.role().name().toLowerCase(Locale.ROOT))));
        };
    }

    @Bean
    UserDetailsService people(Accounts accounts) {
        return name -> accounts.passwordHash(name)
                .map(hash -> User.withUsername(name).password(hash).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
