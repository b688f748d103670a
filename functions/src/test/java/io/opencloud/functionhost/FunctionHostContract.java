package io.opencloud.functionhost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a function Service answers over HTTP, whether it runs in the test's JVM or from the built image: the tests
 * post commands to a host of {@link #HOSTED}.
 */
abstract class FunctionHostContract {

    /** The functions the host under test serves. */
    static final String HOSTED = "runDemoStep;issueMacaroon";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** Where the host under test listens, such as {@code http://127.0.0.1:8080}. */
    abstract URI base();

    @Test
    void answersABinaryCommandWithItsReplyInBinaryMode() throws Exception {
        String sagaId = UUID.randomUUID().toString();
        String commandId = UUID.randomUUID().toString();
        HttpResponse<String> reply = post(binary(commandId, "io.opencloud.demo.step.requested.v1", sagaId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"reserve\"}")).build());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(header(reply, "ce-type")).isEqualTo("io.opencloud.demo.step.completed.v1");
        assertThat(header(reply, "ce-specversion")).isEqualTo("1.0");
        assertThat(header(reply, "ce-sagaid")).isEqualTo(sagaId);
        assertThat(header(reply, "ce-partitionkey")).isEqualTo(sagaId);
        assertThat(header(reply, "ce-causationid")).isEqualTo(commandId);
        assertThat(header(reply, "ce-source")).isEqualTo("/opencloud/functions/demo");
        assertThat(header(reply, "content-type")).startsWith("application/json");
        assertThat(JSON.readTree(reply.body()).path("step").asText()).isEqualTo("reserve");
    }

    @Test
    void answersAStructuredCommand() throws Exception {
        String command = """
                {"specversion":"1.0","id":"%s","source":"/partners/esa-hub","type":"io.opencloud.macaroon.issue.requested.v1",
                 "subject":"s3://results/run-42","datacontenttype":"application/json",
                 "data":{"resource":"s3://results/run-42","action":"read","ttlSeconds":3600}}"""
                .formatted(UUID.randomUUID());
        HttpResponse<String> reply = post(HttpRequest.newBuilder(base().resolve("/"))
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(command)).build());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(header(reply, "ce-type")).isEqualTo("io.opencloud.macaroon.issue.completed.v1");
        assertThat(header(reply, "ce-subject")).isEqualTo("s3://results/run-42");
        assertThat(JSON.readTree(reply.body()).path("macaroon").asText()).isNotBlank();
    }

    @Test
    void answersFailedWhenTheFunctionSaysTheOperationCannotBeDone() throws Exception {
        HttpResponse<String> reply = post(binary(UUID.randomUUID().toString(), "io.opencloud.demo.step.requested.v1",
                UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"reserve\",\"failTimes\":1}")).build());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(header(reply, "ce-type")).isEqualTo("io.opencloud.demo.step.failed.v1");
        JsonNode data = JSON.readTree(reply.body());
        assertThat(data.path("reason").asText()).isEqualTo("scripted failure 1 of 1");
        assertThat(data.path("retryable").asBoolean()).isTrue();
    }

    @Test
    void answersNothingWhenTheFunctionLeavesTheCommandUnanswered() throws Exception {
        HttpResponse<String> reply = post(binary(UUID.randomUUID().toString(), "io.opencloud.demo.step.requested.v1",
                UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"reserve\",\"failTimes\":1,\"hang\":true}"))
                .build());

        assertThat(reply.statusCode()).isEqualTo(202);
        assertThat(reply.headers().firstValue("ce-type")).isEmpty();
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void refusesACommandOfAFunctionItDoesNotHost() throws Exception {
        HttpResponse<String> reply = post(binary(UUID.randomUUID().toString(),
                "io.opencloud.macaroon.verify.requested.v1", null)
                .POST(HttpRequest.BodyPublishers.ofString("{\"macaroon\":\"x\"}")).build());

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(header(reply, "content-type")).startsWith("application/problem+json");
        JsonNode error = JSON.readTree(reply.body()).path("errors").path(0);
        assertThat(error.path("attribute").asText()).isEqualTo("type");
        assertThat(error.path("detail").asText()).contains("io.opencloud.demo.step.requested.v1",
                "io.opencloud.macaroon.issue.requested.v1");
    }

    @Test
    void refusesDataTheSchemaOfItsTypeRefuses() throws Exception {
        HttpResponse<String> reply = post(binary(UUID.randomUUID().toString(), "io.opencloud.demo.step.requested.v1",
                UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"Not A Step!\"}")).build());

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).path("errors").path(0).path("pointer").asText()).isEqualTo("/data/step");
    }

    @Test
    void refusesABodyThatIsNoCloudEvent() throws Exception {
        HttpResponse<String> reply = post(HttpRequest.newBuilder(base().resolve("/"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build());

        assertThat(reply.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(reply.body()).path("detail").asText()).contains("binary mode", "text/plain");
    }

    @Test
    void tellsKnativeItIsLiveAndReady() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base().resolve(probe)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).path("status").asText()).as(probe).isEqualTo("UP");
        }
    }

    private HttpRequest.Builder binary(String id, String type, String sagaId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("/"))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/opencloud/tests")
                .header("ce-type", type).header("Content-Type", "application/json");
        return sagaId == null ? request : request.header("ce-sagaid", sagaId);
    }

    private HttpResponse<String> post(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
