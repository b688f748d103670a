package io.opencloud.controlplane.access;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets, every ten minutes, the authorizations of the embedded authorization server whose every token has expired
 * ({@code auth.authorizations.prune}): each client credentials token leaves one, so the table would otherwise grow
 * with every token ever issued. An authorization still waiting for its code or device code is kept until that expires.
 */
@Component
public class ExpiredAuthorizationsPruneRoute extends RouteBuilder {

    private final JdbcClient jdbc;

    public ExpiredAuthorizationsPruneRoute(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .process(exchange -> log.warn("Pruning expired authorizations failed; the next run tries again",
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));

        from("timer:authorizations-prune?period=" + Duration.ofMinutes(10).toMillis() + "&delay=60000")
                .routeId("auth.authorizations.prune")
                .process(exchange -> prune(Instant.now()));
    }

    int prune(Instant now) {
        return jdbc.sql("""
                        DELETE FROM oauth2_authorization
                        WHERE greatest(access_token_expires_at, refresh_token_expires_at, authorization_code_expires_at,
                                       device_code_expires_at, user_code_expires_at, oidc_id_token_expires_at) < ?""")
                .param(Timestamp.from(now)).update();
    }
}
