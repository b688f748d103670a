package io.opencloud.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import io.opencloud.controlplane.access.FirstAdministrator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests, talking to a control plane on a local port. It acts as the platform
 * administrator, and sends and reads events as the control plane's service client (which alone may send internal
 * commands); {@link #as(String)} and {@link #anonymous()} make a client that carries another token or none.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(4);
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, Instant fetchedAt) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Supplier<String> adminToken;
    private final Supplier<String> eventToken;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.adminToken = () -> token(FirstAdministrator.ADMIN_CLIENT, TestCredentials.ADMIN_SECRET);
        this.eventToken = () -> token(FirstAdministrator.SERVICE_CLIENT, TestCredentials.SERVICE_SECRET);
    }

    private Http(String base, String token) {
        this.base = base;
        this.adminToken = () -> token;
        this.eventToken = () -> token;
    }

    /** A client that sends this bearer token on every request (none, when null). */
    Http as(String token) {
        return new Http(base, token);
    }

    Http anonymous() {
        return as(null);
    }

    /** An access token of a client of this control plane, by the client credentials grant; reused for minutes. */
    String token(String clientId, String secret) {
        String key = base + " " + clientId;
        Token known = TOKENS.get(key);
        if (known != null && known.fetchedAt().plus(TOKEN_REUSE).isAfter(Instant.now())) {
            return known.value();
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), null);
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        String token = JSON.readTree(response.body()).get("access_token").asString();
        TOKENS.put(key, new Token(token, Instant.now()));
        return token;
    }

    HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build(), path.startsWith("/events") ? eventToken : adminToken);
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json, Map.of());
    }

    HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), adminToken);
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build(), adminToken);
    }

    HttpResponse<String> postStructured(String event) {
        return post("/events", "application/cloudevents+json", event, Map.of());
    }

    HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build(), path.startsWith("/events") ? eventToken : adminToken);
    }

    /** A GET whose response may stream for a while, such as server-sent events; fails when it takes longer. */
    HttpResponse<String> getWithin(String path, Duration limit) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(limit).GET().build(), adminToken);
    }

    HttpResponse<String> options(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build(), adminToken);
    }

    /** The reply to a command, waiting up to ten seconds for it. */
    JsonNode reply(String eventId) {
        return reply(get("/events/" + eventId + "/reply?wait=10"), eventId);
    }

    /** The reply to a command published on opencloud.ingress, read by the platform admin for the Kafka door. */
    JsonNode replyToKafka(String eventId) {
        return reply(send(HttpRequest.newBuilder(URI.create(base + "/events/" + eventId
                + "/reply?wait=10&sender=kafka:opencloud.ingress")).GET().build(), adminToken), eventId);
    }

    /** The answer to a look for the reply to a command published on opencloud.ingress, without waiting. */
    HttpResponse<String> kafkaReply(String eventId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/events/" + eventId
                + "/reply?sender=kafka:opencloud.ingress")).GET().build(), adminToken);
    }

    private static JsonNode reply(HttpResponse<String> response, String eventId) {
        if (response.statusCode() != 200) {
            throw new AssertionError("no reply to " + eventId + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request, Supplier<String> token) {
        String bearer = token == null ? null : token.get();
        if (bearer != null && request.headers().firstValue("Authorization").isEmpty()) {
            HttpRequest.Builder authorized = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + bearer);
            request = authorized.build();
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String issueEvent(String id, String resource, String action, int ttlSeconds) {
        return """
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.macaroon.issue.requested.v1",
                 "data":{"resource":"%s","action":"%s","ttlSeconds":%d}}""".formatted(id, resource, action, ttlSeconds);
    }

    static String verifyEvent(String id, String macaroon, String resource, String action) {
        return """
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.macaroon.verify.requested.v1",
                 "data":{"macaroon":"%s","request":{"resource":"%s","action":"%s"}}}"""
                .formatted(id, macaroon, resource, action);
    }
}
