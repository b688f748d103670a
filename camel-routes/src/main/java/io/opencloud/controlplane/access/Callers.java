package io.opencloud.controlplane.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request being served, as the access token established it. */
public final class Callers {

    private Callers() {
    }

    /** The caller, or empty when the request carries no token or one that names no tenant and role. */
    public static Optional<Caller> of(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication token) {
            return token.caller().map(caller -> caller.at(request.getRemoteAddr()));
        }
        return Optional.empty();
    }

    /** Why a token was refused although it was valid, or empty when there is no such token. */
    static Optional<String> refusal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication token && token.caller().isEmpty()) {
            return Optional.of(token.refusal());
        }
        return Optional.empty();
    }
}
