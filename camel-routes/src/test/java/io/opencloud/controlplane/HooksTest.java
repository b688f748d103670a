package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.controlplane.hooks.HookSignature;
import io.opencloud.events.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /hooks/{source}}: signed plain webhooks become CloudEvents; anything unsigned is refused. */
class HooksTest extends ControlPlaneTestBase {

    private static final String PUSH = "{\"ref\":\"refs/heads/main\",\"repository\":{\"full_name\":\"oc/catalog\"}}";

    private HttpResponse<String> github(String body, String signature, String deliveryId) {
        Map<String, String> headers = new HashMap<>(Map.of("X-GitHub-Event", "push"));
        if (signature != null) {
            headers.put(HookSignature.HEADER, signature);
        }
        if (deliveryId != null) {
            headers.put("X-GitHub-Delivery", deliveryId);
        }
        return http().post("/hooks/github", "application/json", body, headers);
    }

    /* A push no other test sends: a signed body is accepted once per replay window. */
    private static String newPush() {
        return PUSH.replace("main", id());
    }

    private static String sign(String secret, String body) {
        return HookSignature.sign(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSignatureSchemeMatchesGitHubsPublishedExample() {
        assertThat(sign("It's a Secret to Everybody", "Hello, World!")).isEqualTo(
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void aSignedDeliveryBecomesACloudEventOnTheWebhookTopic() {
        String delivery = id();
        try (TopicReader events = new TopicReader(Topics.WEBHOOK_EVENTS,
                r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8).contains(delivery))) {
            String push = newPush();
            HttpResponse<String> response = github(push, sign(GITHUB_SECRET, push), delivery);

            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode receipt = Http.JSON.readTree(response.body());
            assertThat(receipt.get("type").asString()).isEqualTo("io.opencloud.webhook.github.received.v1");
            assertThat(receipt.get("duplicate").asBoolean()).isFalse();
            ConsumerRecord<String, byte[]> event = events.awaitAtLeast(1, Duration.ofSeconds(20)).getFirst();
            assertThat(TopicReader.header(event, "ce_type")).isEqualTo("io.opencloud.webhook.github.received.v1");
            assertThat(TopicReader.header(event, "ce_source")).isEqualTo("/opencloud/hooks/github");
            assertThat(TopicReader.header(event, "ce_subject")).isEqualTo(delivery);
            assertThat(event.key()).isEqualTo("github");
            assertThat(TopicReader.header(event, "ce_id")).isEqualTo(receipt.get("eventId").asString());
            JsonNode data = Http.JSON.readTree(event.value());
            assertThat(data.get("deliveryId").asString()).isEqualTo(delivery);
            assertThat(data.get("event").asString()).isEqualTo("push");
            assertThat(data.get("payload").get("repository").get("full_name").asString()).isEqualTo("oc/catalog");
        }
    }

    @Test
    void aReplayedDeliveryIsAnsweredButEmittedOnceEvenUnderANewDeliveryId() {
        String body = newPush();
        try (TopicReader events = new TopicReader(Topics.WEBHOOK_EVENTS, r -> r.value() != null
                && new String(r.value(), StandardCharsets.UTF_8).contains(body.substring(20, 40)))) {
            HttpResponse<String> first = github(body, sign(GITHUB_SECRET, body), id());
            HttpResponse<String> replay = github(body, sign(GITHUB_SECRET, body), id());

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(replay.statusCode()).isEqualTo(200);
            JsonNode receipt = Http.JSON.readTree(replay.body());
            assertThat(receipt.get("duplicate").asBoolean()).isTrue();
            assertThat(receipt.get("eventId").asString())
                    .isEqualTo(Http.JSON.readTree(first.body()).get("eventId").asString());
            events.awaitAtLeast(1, Duration.ofSeconds(20));
            assertThat(events.drain(Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void theSameDeliveryIdAgainIsADuplicateToo() {
        String delivery = id();
        String push = newPush();
        HttpResponse<String> first = github(push, sign(GITHUB_SECRET, push), delivery);
        String other = newPush();
        HttpResponse<String> again = github(other, sign(GITHUB_SECRET, other), delivery);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(again.body()).get("duplicate").asBoolean()).isTrue();
    }

    @Test
    void aWrongMissingOrMalformedSignatureIs401() {
        String tampered = PUSH.replace("main", "evil");

        assertThat(github(tampered, sign(GITHUB_SECRET, PUSH), id()).statusCode()).isEqualTo(401);
        assertThat(github(PUSH, sign("another secret", PUSH), id()).statusCode()).isEqualTo(401);
        assertThat(github(PUSH, "sha256=zz", id()).statusCode()).isEqualTo(401);
        assertThat(github(PUSH, sign(GITHUB_SECRET, PUSH).replace("sha256=", "sha1="), id()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> missing = github(PUSH, null, id());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(missing.body()).contains("X-Hub-Signature-256 header is missing");
    }

    @Test
    void anUnknownSourceIs404AMissingDeliveryIdOrOverlongEventName400AndAnOversizedBody413() {
        assertThat(http().post("/hooks/gitlab", "application/json", PUSH,
                Map.of(HookSignature.HEADER, sign(GITHUB_SECRET, PUSH))).statusCode()).isEqualTo(404);
        HttpResponse<String> noDelivery = github(PUSH, sign(GITHUB_SECRET, PUSH), null);
        assertThat(noDelivery.statusCode()).isEqualTo(400);
        assertThat(noDelivery.body()).contains("X-GitHub-Delivery");
        HttpResponse<String> longName = http().post("/hooks/github", "application/json", PUSH, Map.of(
                HookSignature.HEADER, sign(GITHUB_SECRET, PUSH), "X-GitHub-Delivery", id(),
                "X-GitHub-Event", "e".repeat(201)));
        assertThat(longName.statusCode()).isEqualTo(400);
        String huge = "{\"pad\":\"" + "x".repeat(9000) + "\"}";
        assertThat(github(huge, sign(GITHUB_SECRET, huge), id()).statusCode()).isEqualTo(413);
    }

    @Test
    void aDeliveryOfAMappedSourceStartsItsSagaAndANonJsonBodyIsKeptAsBytes() {
        String body = "payload=build%20passed";
        HttpResponse<String> response = http().post("/hooks/ci", "application/x-www-form-urlencoded", body,
                Map.of(HookSignature.HEADER, sign(CI_SECRET, body), "X-Delivery-Id", id(), "X-Event", "build"));

        assertThat(response.statusCode()).isEqualTo(202);
        String sagaId = Http.JSON.readTree(response.body()).get("sagaId").asString();
        assertThat(response.headers().firstValue("Location")).contains("/sagas/" + sagaId);
        JsonNode saga = Http.JSON.readTree(http().get("/sagas/" + sagaId).body());
        JsonNode trigger = saga.get("data").get("trigger");
        assertThat(trigger.get("event").asString()).isEqualTo("build");
        assertThat(new String(Base64.getDecoder().decode(trigger.get("payloadBase64").asString()),
                StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void aWebhookTypeSentUnsignedToTheEventsDoorIsRefused() {
        HttpResponse<String> response = http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/forged","type":"io.opencloud.webhook.ci.received.v1",
                 "data":{"deliveryId":"d","contentType":"application/json","payload":{}}}""".formatted(id()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("only when signed, at POST /hooks/ci");
    }
}
