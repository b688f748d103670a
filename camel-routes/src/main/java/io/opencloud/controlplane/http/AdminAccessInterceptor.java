package io.opencloud.controlplane.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with a problem document, a request that {@link AdminAccess} does not let into an administrative endpoint.
 * The decision is taken on the controller method the request was mapped to, not on the path, so that no spelling of
 * a path ({@code ;} parameters, percent-encoding) can reach an endpoint without its check.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
public class AdminAccessInterceptor implements HandlerInterceptor {

    private static final String[] FORWARDING_HEADERS = {"Forwarded", "X-Forwarded-For", "X-Real-IP"};

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Problem(String type, String title, int status, String detail) {
    }

    private final AdminProperties admin;
    private final boolean trustLoopback;
    private final JsonMapper json;

    public AdminAccessInterceptor(AdminProperties admin, Environment environment, JsonMapper json) {
        this.admin = admin;
        // Forwarded-header handling lets a client behind a trusted proxy name its own address, the loopback included.
        this.trustLoopback = admin.trustLoopback()
                && "none".equalsIgnoreCase(environment.getProperty("server.forward-headers-strategy", "none"));
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || !administrative(method)) {
            return true;
        }
        boolean proxied = Stream.of(FORWARDING_HEADERS).anyMatch(header -> request.getHeader(header) != null);
        Optional<String> refusal = AdminAccess.refusal(admin.token(), trustLoopback, request.getRemoteAddr(), proxied,
                request.getHeader("Authorization"));
        if (refusal.isEmpty()) {
            return true;
        }
        HttpStatus status = admin.token().isEmpty() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), new Problem("urn:opencloud:problem:admin-only",
                "Administrative API", status.value(), refusal.get()));
        return false;
    }

    /** The control plane's own endpoints, unless marked open; Spring's and the actuator's are not ours to guard. */
    private static boolean administrative(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("io.opencloud.controlplane")
                && !method.hasMethodAnnotation(OpenToPeers.class)
                && !method.getBeanType().isAnnotationPresent(OpenToPeers.class);
    }
}
