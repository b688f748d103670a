package io.opencloud.controlplane.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies each endpoint's {@link Access} rule before its handler runs: 401 without a valid token, 403 without the
 * role. The decision is taken on the controller method the request was mapped to, not on the path, so that no
 * spelling of a path ({@code ;} parameters, percent-encoding) reaches an endpoint without its check; an endpoint of
 * the control plane without a rule is closed to everyone. The caller is left on the request for the handler.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    /** The request attribute holding the {@link Caller} of a protected endpoint. */
    public static final String CALLER = Caller.class.getName();

    private final ProblemEntryPoint problems;

    public AccessInterceptor(ProblemEntryPoint problems) {
        this.problems = problems;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !ours(method)) {
            return true;
        }
        Optional<Access> rule = Access.of(method);
        if (rule.isEmpty()) {
            return refuse(response, HttpStatus.FORBIDDEN, "no-access-rule", "this endpoint has no authorisation"
                    + " rule, so nobody may call it");
        }
        Optional<Caller> caller = Callers.of(request);
        caller.ifPresent(c -> request.setAttribute(CALLER, c));
        if (rule.get() instanceof Access.Open) {
            return true;
        }
        if (caller.isEmpty()) {
            Optional<String> refusal = Callers.refusal();
            if (refusal.isPresent()) {
                return refuse(response, HttpStatus.FORBIDDEN, "no-tenant", refusal.get());
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            return refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "this endpoint needs an access"
                    + " token: send Authorization: Bearer <token>");
        }
        return switch (rule.get()) {
            case Access.AtLeast(Role role) when !caller.get().may(role) -> refuse(response, HttpStatus.FORBIDDEN,
                    "forbidden", "this needs the role " + role + " in your tenant; " + caller.get().subject()
                            + " is " + caller.get().role() + " in " + caller.get().tenant());
            case Access.Platform() when !caller.get().platformAdmin() -> refuse(response, HttpStatus.FORBIDDEN,
                    "forbidden", "this needs an admin of the platform tenant " + Caller.PLATFORM_TENANT);
            default -> true;
        };
    }

    /** The control plane's own endpoints; Spring's error page and the actuator are guarded by the filter chain. */
    static boolean ours(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("io.opencloud");
    }

    private boolean refuse(HttpServletResponse response, HttpStatus status, String problem, String detail)
            throws IOException {
        problems.write(response, status, problem, detail);
        return false;
    }
}
