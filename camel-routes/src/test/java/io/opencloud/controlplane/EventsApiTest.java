package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /events} through the real broker, database and functions of a running control plane. */
class EventsApiTest extends ControlPlaneTestBase {

    @Test
    void aMacaroonIssuedOverStructuredHttpVerifiesOverBinaryHttp() {
        String issueId = id();
        HttpResponse<String> accepted = http().postStructured(Http.issueEvent(issueId, "s3://results/run-42", "read", 600));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode receipt = Http.JSON.readTree(accepted.body());
        assertThat(receipt.get("eventId").asString()).isEqualTo(issueId);
        assertThat(receipt.get("sagaId").asString()).isNotBlank();
        assertThat(accepted.headers().firstValue("Location")).contains("/events/" + issueId + "/reply");

        JsonNode issued = http().reply(issueId);
        assertThat(issued.get("type").asString()).isEqualTo("io.opencloud.macaroon.issue.completed.v1");
        assertThat(issued.get("sagaid").asString()).isEqualTo(receipt.get("sagaId").asString());
        assertThat(issued.get("causationid").asString()).isEqualTo(issueId);
        String macaroon = issued.get("data").get("macaroon").asString();

        String verifyId = id();
        HttpResponse<String> verify = http().post("/events", "application/json", """
                {"macaroon":"%s","request":{"resource":"s3://results/run-42","action":"read"}}""".formatted(macaroon),
                Map.of("ce-specversion", "1.0", "ce-id", verifyId, "ce-source", "/tests",
                        "ce-type", "io.opencloud.macaroon.verify.requested.v1"));
        assertThat(verify.statusCode()).isEqualTo(202);
        JsonNode verdict = http().reply(verifyId);
        assertThat(verdict.get("type").asString()).isEqualTo("io.opencloud.macaroon.verify.completed.v1");
        assertThat(verdict.get("data").get("valid").asBoolean()).isTrue();

        String refusedId = id();
        http().postStructured(Http.verifyEvent(refusedId, macaroon, "s3://results/run-42", "delete"));
        JsonNode refused = http().reply(refusedId).get("data");
        assertThat(refused.get("valid").asBoolean()).isFalse();
        assertThat(refused.get("reason").asString()).contains("action = read").contains("delete");
    }

    @Test
    void theSameEventSentTwiceJoinsOneSagaAndGetsOneMacaroon() {
        String issueId = id();
        String event = Http.issueEvent(issueId, "compute:cluster-a", "execute", 60);

        HttpResponse<String> first = http().postStructured(event);
        HttpResponse<String> second = http().postStructured(event);

        assertThat(Http.JSON.readTree(second.body()).get("sagaId"))
                .isEqualTo(Http.JSON.readTree(first.body()).get("sagaId"));
        String macaroon = http().reply(issueId).get("data").get("macaroon").asString();
        assertThat(SharedTestRuntimeQueries.issuedMacaroons(issueId)).containsExactly(macaroon);
    }

    @Test
    void aSchemaViolationIsNamedByItsJsonPointer() {
        HttpResponse<String> response = http().postStructured("""
                {"specversion":"1.0","id":"x","source":"/tests","type":"io.opencloud.macaroon.issue.requested.v1",
                 "data":{"resource":"r","action":"read","ttlSeconds":-5}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = Http.JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("pointer").asString()).isEqualTo("/data/ttlSeconds");
    }

    @Test
    void missingAndMalformedAttributesAreNamed() {
        HttpResponse<String> response = http().post("/events", "application/json", "{}",
                Map.of("ce-specversion", "0.3", "ce-source", "/tests"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.JSON.readTree(response.body()).get("errors").findValuesAsString("attribute"))
                .contains("specversion", "id", "type");
    }

    @Test
    void unknownTypesAndNonCommandsAreRefused() {
        HttpResponse<String> unknown = http().postStructured("""
                {"specversion":"1.0","id":"x","source":"/tests","type":"com.example.nothing","data":{}}""");
        HttpResponse<String> reply = http().postStructured("""
                {"specversion":"1.0","id":"x","source":"/tests","type":"io.opencloud.macaroon.verify.failed.v1",
                 "data":{"reason":"r","retryable":false}}""");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown event type");
        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("is not a command or saga trigger the control plane accepts");
    }

    @Test
    void otherMediaTypesAre415AndOversizedRequests413() {
        assertThat(http().post("/events", "text/plain", "hello", Map.of()).statusCode()).isEqualTo(415);
        assertThat(http().postStructured("x".repeat(9000)).statusCode()).isEqualTo(413);
    }

    private double ingressCount(String outcome) {
        String line = "opencloud_ingress_events_total{channel=\"http\",outcome=\"" + outcome + "\"} ";
        return http().get("/actuator/prometheus").body().lines().filter(l -> l.startsWith(line))
                .mapToDouble(l -> Double.parseDouble(l.substring(line.length()))).sum();
    }

    @Test
    void aBatchIsAllOrNothingAndEachOfItsEventsIsCounted() {
        double acceptedBefore = ingressCount("accepted");
        double rejectedBefore = ingressCount("rejected");
        String good = id();
        HttpResponse<String> rejected = http().post("/events", "application/cloudevents-batch+json",
                "[" + Http.issueEvent(good, "r", "read", 60) + ",{\"specversion\":\"1.0\"}]", Map.of());

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(Http.JSON.readTree(rejected.body()).get("errors").get(0).get("index").asInt()).isEqualTo(1);

        String first = id();
        String second = id();
        HttpResponse<String> accepted = http().post("/events", "application/cloudevents-batch+json",
                "[" + Http.issueEvent(first, "r", "read", 60) + "," + Http.issueEvent(second, "r", "read", 60) + "]",
                Map.of());
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(http().reply(first).get("type").asString()).endsWith("completed.v1");
        assertThat(http().reply(second).get("type").asString()).endsWith("completed.v1");
        assertThat(http().get("/events/" + good + "/reply").statusCode())
                .as("the good event of the rejected batch was not accepted").isEqualTo(404);
        assertThat(ingressCount("accepted") - acceptedBefore).isEqualTo(2);
        assertThat(ingressCount("rejected") - rejectedBefore).isEqualTo(2);
    }

    @Test
    void theWebhookHandshakeAllowsTheOrigin() {
        HttpResponse<String> response = http().options("/events", Map.of("WebHook-Request-Origin", "partner.example"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("WebHook-Allowed-Origin")).contains("partner.example");
    }

    @Test
    void anOriginNotAllowedIsRefusedAtTheHandshakeAndWhenItPosts() {
        HttpResponse<String> handshake = http().options("/events", Map.of("WebHook-Request-Origin", "evil.example"));
        HttpResponse<String> post = http().post("/events", "application/cloudevents+json",
                Http.issueEvent(id(), "s3://a", "read", 60), Map.of("WebHook-Request-Origin", "evil.example"));

        assertThat(handshake.statusCode()).isEqualTo(403);
        assertThat(handshake.headers().firstValue("WebHook-Allowed-Origin")).isEmpty();
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("evil.example");
    }

    @Test
    void anOriginOverItsRateIsAnswered429WithRetryAfter() {
        Map<String, String> limited = Map.of("WebHook-Request-Origin", "limited.example");
        HttpResponse<String> handshake = http().options("/events", limited);
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            responses.add(http().post("/events", "application/cloudevents+json",
                    Http.issueEvent(id(), "s3://a", "read", 60), limited));
        }
        HttpResponse<String> otherOrigin = http().post("/events", "application/cloudevents+json",
                Http.issueEvent(id(), "s3://a", "read", 60), Map.of("WebHook-Request-Origin", "partner.example"));

        assertThat(handshake.headers().firstValue("WebHook-Allowed-Rate")).contains("3");
        assertThat(responses.subList(0, 3)).allMatch(r -> r.statusCode() == 202);
        HttpResponse<String> refused = responses.get(3);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 20));
        assertThat(refused.body()).contains("may send 3 requests a minute");
        assertThat(otherOrigin.statusCode()).as("each origin has its own allowance").isEqualTo(202);
    }

    @Test
    void healthAndMetricsAreExposed() {
        HttpResponse<String> health = http().get("/actuator/health");
        HttpResponse<String> metrics = http().get("/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = Http.JSON.readTree(health.body()).get("components");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("objectStore").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(metrics.body()).contains("opencloud_ingress_events_total");
    }
}
