package io.opencloud.controlplane.access;

import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request authenticated by a valid access token. The token may still name no tenant or role this control plane
 * knows: then {@link #caller()} is empty and {@link #refusal()} says why, and every endpoint but the public ones
 * answers 403 with that reason.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    /** The authority that opens the actuator's endpoints beyond health. */
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final transient Jwt token;
    private final Caller caller;
    private final String refusal;

    private CallerAuthentication(Jwt token, Caller caller, String refusal) {
        super(caller != null && caller.platformAdmin() ? List.of(new SimpleGrantedAuthority(PLATFORM_ADMIN))
                : List.of());
        this.token = token;
        this.caller = caller;
        this.refusal = refusal;
        setAuthenticated(true);
    }

    static CallerAuthentication of(Jwt token, Caller caller) {
        return new CallerAuthentication(token, caller, null);
    }

    static CallerAuthentication refused(Jwt token, String refusal) {
        return new CallerAuthentication(token, null, refusal);
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    public String refusal() {
        return refusal;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return caller != null ? caller.subject() : token.getSubject();
    }

    @Override
    public String getName() {
        return String.valueOf(getPrincipal());
    }
}
