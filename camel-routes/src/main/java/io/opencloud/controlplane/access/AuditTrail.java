package io.opencloud.controlplane.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every request that may change something (any method but GET, HEAD and OPTIONS) made to the control plane's
 * endpoints: who (principal, tenant, client), from where, what (method and endpoint pattern, the path itself) and the
 * answer's status. Refused requests are recorded too: they are what an audit is read for.
 */
@Component
public class AuditTrail implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final List<String> READS = List.of("GET", "HEAD", "OPTIONS");
    private static final int MAX_TARGET = 500;

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (READS.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !AccessInterceptor.ours(method)) {
            return;
        }
        Optional<Caller> caller = Callers.of(request);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String target = request.getRequestURI();
        try {
            jdbc.sql("""
                            INSERT INTO audit (principal, tenant, client, address, action, target, status)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(caller.map(Caller::subject).orElse("anonymous"), caller.map(Caller::tenant).orElse(null),
                            caller.map(Caller::client).orElse(null), request.getRemoteAddr(),
                            request.getMethod() + " " + pattern,
                            target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target,
                            response.getStatus())
                    .update();
        } catch (DataAccessException e) {
            log.warn("A {} request to {} could not be written to the audit trail: {}", request.getMethod(), pattern,
                    e.getClass().getSimpleName());
        }
    }
}
