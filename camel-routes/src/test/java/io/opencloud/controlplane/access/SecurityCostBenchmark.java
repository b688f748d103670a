package io.opencloud.controlplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.controlplane.ControlPlaneApplication;
import io.opencloud.infra.embedded.Ports;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What authentication and authorisation cost on {@code POST /events}: the same load (32 concurrent keep-alive
 * clients sending {@code macaroon.verify} commands) against a control plane with its security on, then against one
 * whose security filter chain is not installed and whose every request is taken as a fixed caller (a filter that does
 * only that), each on a runtime of its own (broker, database, S3 server). The endpoint's own rule check still runs in
 * both; what the ratio shows is the bearer token's verification and the filter chain. Prints both rates, their
 * latencies and the ratio; the aim is at most 1.10.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark -pl camel-routes -am verify -Dtest=SecurityCostBenchmark}.
 */
@Tag("benchmark")
class SecurityCostBenchmark {

    private static final int ROUNDS = 2;
    private static final int CLIENTS = 32;
    private static final int WARM_UP = 2_000;
    private static final int REQUESTS = 20_000;
    private static final String SECRET = "benchmark-admin-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Run(double perSecond, long p50Micros, long p99Micros) {
    }

    /*
     * Both sides share this JVM, so whichever runs later finds the shared code already compiled: the sides take turns,
     * twice, and the second round (both warm) gives the ratio.
     */
    @Test
    void authenticationCostsLittleOnTheEventIngress() throws Exception {
        System.out.printf("SecurityCostBenchmark POST /events, %d clients, %d requests a run:%n", CLIENTS, REQUESTS);
        Run on = null;
        Run off = null;
        for (int round = 1; round <= ROUNDS; round++) {
            off = run(false);
            on = run(true);
            System.out.printf("  round %d  security off: %8.0f req/s  p50 %6d us  p99 %6d us%n", round,
                    off.perSecond(), off.p50Micros(), off.p99Micros());
            System.out.printf("  round %d  security on : %8.0f req/s  p50 %6d us  p99 %6d us%n", round,
                    on.perSecond(), on.p50Micros(), on.p99Micros());
        }
        System.out.printf("  cost (round %d): %.3fx the time per request of the run without security (aim <= 1.10)%n",
                ROUNDS, off.perSecond() / on.perSecond());
        assertThat(on.perSecond()).isPositive();
        assertThat(off.perSecond()).isPositive();
    }

    private Run run(boolean secured) throws Exception {
        Path dataDir = Files.createTempDirectory("opencloud-security-benchmark");
        int port = Ports.anyFree();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ControlPlaneApplication.class);
        List<String> args = new ArrayList<>(List.of("--opencloud.data-dir=" + dataDir, "--server.port=" + port,
                "--opencloud.kafka.port=0", "--opencloud.kafka.controller-port=0", "--opencloud.db.port=0",
                "--opencloud.s3.port=0", "--logging.level.root=WARN", "--opencloud.auth.admin-client-secret=" + SECRET,
                "--opencloud.auth.service-client-secret=" + SECRET));
        if (!secured) {
            args.add("--spring.autoconfigure.exclude="
                    + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration");
            // Left alone, the filter chain (a Filter bean) would be installed all the same: a disabled registration
            // keeps it out of the servlet's filters.
            builder.initializers(context -> {
                GenericApplicationContext generic = (GenericApplicationContext) context;
                generic.registerBean(FixedCaller.class, FixedCaller::new);
                generic.registerBean("securityFilterChainKeptOut", DelegatingFilterProxyRegistrationBean.class, () -> {
                    DelegatingFilterProxyRegistrationBean registration =
                            new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
                    registration.setEnabled(false);
                    return registration;
                });
            });
        }
        try (ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new))) {
            String base = "http://127.0.0.1:" + port;
            String token = secured ? token(base) : null;
            load(base, token, WARM_UP);
            return load(base, token, REQUESTS);
        }
    }

    private static Run load(String base, String token, int requests) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = 0; i < requests / CLIENTS; i++) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/events"))
                                .header("Content-Type", "application/cloudevents+json")
                                .POST(HttpRequest.BodyPublishers.ofString(verify()));
                        if (token != null) {
                            request.header("Authorization", "Bearer " + token);
                        }
                        long sent = System.nanoTime();
                        HttpResponse<Void> answer = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                        latencies.add(System.nanoTime() - sent);
                        if (answer.statusCode() != 202) {
                            throw new IllegalStateException("POST /events answered " + answer.statusCode());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        return new Run(sorted.size() / seconds, sorted.get(sorted.size() / 2) / 1000,
                sorted.get((int) (sorted.size() * 0.99)) / 1000);
    }

    private static String verify() {
        return """
                {"specversion":"1.0","id":"%s","source":"/benchmark","type":"io.opencloud.macaroon.verify.requested.v1",
                 "data":{"macaroon":"not-a-macaroon","request":{"resource":"s3://bench","action":"read"}}}"""
                .formatted(UUID.randomUUID());
    }

    private static String token(String base) throws IOException, InterruptedException {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((FirstAdministrator.ADMIN_CLIENT
                        + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body()).get("access_token").asString();
    }

    /** The run without security: every request is the platform administrator, with no token to check. */
    static final class FixedCaller extends OncePerRequestFilter {

        private static final Jwt NONE = Jwt.withTokenValue("none").header("alg", "none").subject("benchmark")
                .issuedAt(Instant.EPOCH).expiresAt(Instant.MAX).build();
        private static final Caller ADMIN = new Caller(FirstAdministrator.ADMIN_CLIENT, Caller.PLATFORM_TENANT,
                Role.ADMIN, FirstAdministrator.ADMIN_CLIENT, null);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SecurityContextHolder.getContext().setAuthentication(CallerAuthentication.of(NONE, ADMIN));
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
