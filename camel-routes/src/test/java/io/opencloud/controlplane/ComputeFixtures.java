package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.functions.s3.Sha256;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Images, templates, VMs and marketplaces made through the HTTP API, and the sagas that move them. */
final class ComputeFixtures {

    private static final Duration SAGA_TIME = Duration.ofSeconds(90);

    private final Http http;

    ComputeFixtures(Http http) {
        this.http = http;
    }

    /** An image of {@code size} random bytes; answers its JSON view (imageId, sha256, location, ...). */
    JsonNode image(String name, String type, int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        HttpResponse<String> created = http.post("/compute/images?name=" + name + "&type=" + type,
                "application/octet-stream", bytes, Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode image = Http.JSON.readTree(created.body());
        assertThat(image.get("sha256").asString()).isEqualTo(sha256(bytes));
        return image;
    }

    String template(String name, String template) {
        return created("/compute/templates", "{\"name\":\"" + name + "\",\"template\":" + template + "}")
                .get("templateId").asString();
    }

    String marketplace(String credentials) {
        String name = "market-" + shortId();
        String body = "{\"name\":\"" + name + "\",\"credentials\":\"" + credentials + "\"}";
        return created("/marketplaces", body).get("marketplaceId").asString();
    }

    JsonNode created(String path, String body) {
        HttpResponse<String> response = http.postJson(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.JSON.readTree(response.body());
    }

    JsonNode accepted(String path, String body) {
        HttpResponse<String> response = http.postJson(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Http.JSON.readTree(response.body());
    }

    JsonNode get(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }

    JsonNode awaitSagaFinal(String sagaId) {
        Set<String> end = Set.of("COMPLETED", "COMPENSATED", "FAILED", "ABANDONED");
        return await().atMost(SAGA_TIME).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/sagas/" + sagaId), saga -> end.contains(saga.get("status").asString()));
    }

    JsonNode awaitCompleted(String sagaId) {
        JsonNode saga = awaitSagaFinal(sagaId);
        assertThat(saga.get("status").asString()).as(saga.toString()).isEqualTo("COMPLETED");
        return saga;
    }

    static JsonNode result(JsonNode saga, String step) {
        return saga.get("data").get("results").get(step);
    }

    static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }

    /** The SHA-256 of a file as it is on disk now. */
    static String sha256(Path file) {
        return Sha256.of(file);
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
