package io.opencloud.controlplane.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns a verified access token into the {@link Caller} it speaks for. Tokens of the embedded authorization server
 * carry {@value #TENANT} and {@value #ROLE} claims. An external issuer's tokens carry groups instead (the claim
 * {@code opencloud.auth.groups-claim}): {@code <tenant>} makes a member, {@code <tenant>/<role>} gives that role, and
 * a token naming several tenants is used in the one the request's {@value #TENANT_HEADER} header names.
 */
@Component
public class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String TENANT = "tenant";
    public static final String ROLE = "role";
    public static final String TENANT_HEADER = "OpenCloud-Tenant";

    private final AuthProperties properties;

    public TokenCallers(AuthProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        String client = Optional.ofNullable(token.getClaimAsString("client_id"))
                .orElseGet(() -> Optional.ofNullable(token.getClaimAsString("azp")).orElse(token.getSubject()));
        if (token.getSubject() == null || token.getSubject().isBlank()) {
            return CallerAuthentication.refused(token, "the access token names no subject");
        }
        List<Membership> memberships = properties.external() ? fromGroups(token) : fromClaims(token);
        if (memberships.isEmpty()) {
            return CallerAuthentication.refused(token, properties.external()
                    ? "the access token's claim \"" + properties.groupsClaim() + "\" names no tenant"
                    : "the access token names no tenant and role");
        }
        Membership chosen;
        if (memberships.size() == 1) {
            chosen = memberships.getFirst();
        } else {
            String wanted = requestHeader(TENANT_HEADER);
            Optional<Membership> named = memberships.stream().filter(m -> m.tenant().equals(wanted)).findFirst();
            if (named.isEmpty()) {
                return CallerAuthentication.refused(token, "the access token names the tenants "
                        + memberships.stream().map(Membership::tenant).toList() + ": say which one with the header "
                        + TENANT_HEADER);
            }
            chosen = named.get();
        }
        return CallerAuthentication.of(token, new Caller(token.getSubject(), chosen.tenant(), chosen.role(), client,
                null));
    }

    private record Membership(String tenant, Role role) {
    }

    private static List<Membership> fromClaims(Jwt token) {
        String tenant = token.getClaimAsString(TENANT);
        Optional<Role> role = role(token.getClaimAsString(ROLE));
        return tenant == null || role.isEmpty() ? List.of() : List.of(new Membership(tenant, role.get()));
    }

    private List<Membership> fromGroups(Jwt token) {
        List<String> groups = token.hasClaim(properties.groupsClaim())
                ? token.getClaimAsStringList(properties.groupsClaim()) : List.of();
        List<Membership> memberships = new ArrayList<>();
        for (String group : groups == null ? List.<String>of() : groups) {
            String path = group.startsWith("/") ? group.substring(1) : group;
            int slash = path.indexOf('/');
            String tenant = slash < 0 ? path : path.substring(0, slash);
            Optional<Role> role = slash < 0 ? Optional.of(Role.MEMBER) : role(path.substring(slash + 1));
            if (!tenant.isBlank() && role.isPresent() && role.get() != Role.SERVICE) {
                memberships.removeIf(m -> m.tenant().equals(tenant) && role.get().covers(m.role()));
                if (memberships.stream().noneMatch(m -> m.tenant().equals(tenant))) {
                    memberships.add(new Membership(tenant, role.get()));
                }
            }
        }
        return memberships;
    }

    private static Optional<Role> role(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        // Group names are often plural (admins, operators, members, viewers).
        String singular = upper.endsWith("S") ? upper.substring(0, upper.length() - 1) : upper;
        for (Role role : Role.values()) {
            if (role.name().equals(upper) || role.name().equals(singular)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static String requestHeader(String name) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader(name);
        }
        return null;
    }
}
