package io.opencloud.controlplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** How a verified token becomes a caller: the embedded issuer's tenant and role, an external issuer's groups. */
class TokenCallersTest {

    private static final TokenCallers EMBEDDED = new TokenCallers(new AuthProperties("", "", "opencloud", "groups",
            Duration.ofMinutes(10), "", ""));
    private static final TokenCallers EXTERNAL = new TokenCallers(new AuthProperties("https://iam.example/", "",
            "opencloud", "groups", Duration.ofMinutes(10), "", ""));

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theEmbeddedIssuerNamesTenantAndRole() {
        CallerAuthentication caller = (CallerAuthentication) EMBEDDED.convert(token(Map.of("tenant", "red",
                "role", "OPERATOR", "client_id", "red-ci")));
        assertThat(caller.caller()).hasValue(new Caller("alice", "red", Role.OPERATOR, "red-ci", null));
        CallerAuthentication none = (CallerAuthentication) EMBEDDED.convert(token(Map.of("role", "ADMIN")));
        assertThat(none.caller()).isEmpty();
        assertThat(none.refusal()).contains("names no tenant");
    }

    @Test
    void anExternalIssuersGroupsNameTenantsAndRoles() {
        assertThat(callerOf(List.of("/red/admins"))).hasValue(new Caller("alice", "red", Role.ADMIN, "portal", null));
        assertThat(callerOf(List.of("red"))).hasValue(new Caller("alice", "red", Role.MEMBER, "portal", null));
        assertThat(callerOf(List.of("red/viewer", "red/operators"))).as("the highest role in a tenant")
                .hasValue(new Caller("alice", "red", Role.OPERATOR, "portal", null));
        assertThat(callerOf(List.of("red/service"))).as("nobody outside is the control plane").isEmpty();
        assertThat(callerOf(List.of("red/wizards"))).isEmpty();
    }

    @Test
    void aTokenOfSeveralTenantsIsUsedInTheOneTheRequestNames() {
        CallerAuthentication undecided = (CallerAuthentication) EXTERNAL.convert(token(Map.of("groups",
                List.of("red/admin", "blue"), "azp", "portal")));
        assertThat(undecided.caller()).isEmpty();
        assertThat(undecided.refusal()).contains("OpenCloud-Tenant").contains("red").contains("blue");

        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(TokenCallers.TENANT_HEADER, "blue");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(callerOf(List.of("red/admin", "blue"))).hasValue(new Caller("alice", "blue", Role.MEMBER, "portal",
                null));
    }

    private static java.util.Optional<Caller> callerOf(List<String> groups) {
        return ((CallerAuthentication) EXTERNAL.convert(token(Map.of("groups", groups, "azp", "portal")))).caller();
    }

    private static Jwt token(Map<String, Object> claims) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("alice").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(c -> c.putAll(claims)).build();
    }
}
