package io.opencloud.controlplane.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose access token was refused (expired, not yet valid, from another issuer or audience,
 * unsigned, badly signed, signed by an unknown key) with 401 and a problem document. The detail is the same for every
 * such token and never repeats the token or the library's message, which may quote its claims.
 */
@Component
public class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    public ProblemEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpStatus.UNAUTHORIZED, tokenSent ? "invalid-token" : "unauthenticated",
                tokenSent ? "the access token is not valid here (expired, not yet valid, from another issuer or"
                        + " audience, or not signed by a key of the issuer); get a new one"
                        : "this needs an access token: send Authorization: Bearer <token>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException e) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "this needs an admin of the platform tenant "
                + Caller.PLATFORM_TENANT);
    }

    /** Answers with a problem document; the one way the access layer refuses a request. */
    void write(HttpServletResponse response, HttpStatus status, String problem, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:opencloud:problem:" + problem);
        body.put("title", status == HttpStatus.UNAUTHORIZED ? "Unauthenticated" : "Forbidden");
        body.put("status", status.value());
        body.put("detail", detail);
        json.writeValue(response.getOutputStream(), body);
    }
}
