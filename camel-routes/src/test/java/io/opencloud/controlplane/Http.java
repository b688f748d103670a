package io.opencloud.controlplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests, talking to a control plane on a local port. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
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
        return send(request.build());
    }

    HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json, Map.of());
    }

    HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
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
        return send(request.build());
    }

    /** A GET whose response may stream for a while, such as server-sent events; fails when it takes longer. */
    HttpResponse<String> getWithin(String path, Duration limit) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(limit).GET().build());
    }

    HttpResponse<String> options(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The reply to a command, waiting up to ten seconds for it. */
    JsonNode reply(String eventId) {
        HttpResponse<String> response = get("/events/" + eventId + "/reply?wait=10");
        if (response.statusCode() != 200) {
            throw new AssertionError("no reply to " + eventId + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
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
