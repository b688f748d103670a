package io.opencloud.controlplane.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Refuses, with a problem document, a request for an administrative path that {@link AdminAccess} does not let in. */
@Component
@EnableConfigurationProperties(AdminProperties.class)
public class AdminAccessFilter extends OncePerRequestFilter {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Problem(String type, String title, int status, String detail) {
    }

    private final AdminProperties admin;
    private final JsonMapper json;

    public AdminAccessFilter(AdminProperties admin, JsonMapper json) {
        this.admin = admin;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!AdminAccess.guards(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> refusal = AdminAccess.refusal(admin, request.getRemoteAddr(),
                request.getHeader("Authorization"));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpStatus status = admin.token().isEmpty() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), new Problem("urn:opencloud:problem:admin-only",
                "Administrative API", status.value(), refusal.get()));
    }
}
