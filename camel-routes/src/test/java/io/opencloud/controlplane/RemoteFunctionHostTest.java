package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.functionhost.FunctionHostApplication;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.embedded.Ports;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The functions in a process of their own, as the compose deployment runs them: a control plane told to answer the
 * macaroon and demo commands through a function host ({@code opencloud.functions.urls.<domain>}) runs the
 * demonstration saga to completion, and its replies are the function host's (which keys them for Knative with a
 * {@code partitionkey} extension that in-process replies do not carry).
 */
class RemoteFunctionHostTest {

    private static final String FUNCTIONS = "issueMacaroon;revokeMacaroon;verifyMacaroon;runDemoStep;undoDemoStep";

    @TempDir
    Path dataDir;

    @TempDir
    Path functionsDir;

    @Test
    void aSagaCompletesWithEveryCommandAnsweredByTheFunctionHost() throws IOException {
        int functionsPort = Ports.anyFree();
        String host = "http://127.0.0.1:" + functionsPort + "/";
        try (ConfigurableApplicationContext controlPlane = SpringApplication.run(ControlPlaneApplication.class,
                "--opencloud.data-dir=" + dataDir, "--server.port=0", "--opencloud.kafka.port=0",
                "--opencloud.kafka.controller-port=0", "--opencloud.db.port=0", "--opencloud.s3.port=0",
                "--opencloud.functions.urls.macaroon=" + host, "--opencloud.functions.urls.demo=" + host,
                "--opencloud.auth.admin-client-secret=" + TestCredentials.ADMIN_SECRET,
                "--opencloud.auth.service-client-secret=" + TestCredentials.SERVICE_SECRET);
             ConfigurableApplicationContext functions = startFunctionHost(functionsPort,
                     controlPlane.getBean(RuntimeEndpoints.class))) {
            Http http = new Http(((WebServerApplicationContext) controlPlane).getWebServer().getPort());
            String triggerId = UUID.randomUUID().toString();
            HttpResponse<String> started = http.postStructured("""
                    {"specversion":"1.0","id":"%s","source":"/tests/remote","type":"io.opencloud.demo.grant.requested.v1",
                     "data":{"resource":"s3://results/remote","action":"read","ttlSeconds":600,"script":{}}}"""
                    .formatted(triggerId));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String sagaId = Http.JSON.readTree(started.body()).get("sagaId").asString();

            await().atMost(Duration.ofSeconds(60)).until(() -> status(http, sagaId).equals("COMPLETED"));

            List<ConsumerRecord<String, byte[]>> replies = replies(controlPlane.getBean(RuntimeEndpoints.class),
                    sagaId, 3);
            assertThat(replies).allSatisfy(reply ->
                    assertThat(header(reply, "ce_partitionkey")).isEqualTo(sagaId));
        }
    }

    private ConfigurableApplicationContext startFunctionHost(int port, RuntimeEndpoints endpoints) {
        // Arguments, not default properties: function-host.yml sets these from the environment and would win.
        List<String> args = new ArrayList<>(List.of("--spring.cloud.function.definition=" + FUNCTIONS,
                "--server.port=" + port, "--opencloud.data-dir=" + functionsDir,
                // One deployment, one key sealing its secrets (the control plane's, under its data directory).
                "--opencloud.secrets.key-file=" + dataDir.resolve("keys/secrets.key")));
        SharedTestRuntime.springProperties(endpoints).forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(FunctionHostApplication.class)
                .properties("spring.config.name=" + FunctionHostApplication.CONFIG_NAME)
                .run(args.toArray(String[]::new));
    }

    private static String status(Http http, String sagaId) {
        JsonNode saga = Http.JSON.readTree(http.get("/sagas/" + sagaId).body());
        return saga.get("status").asString();
    }

    /** The replies of the saga on the demo and macaroon events topics, once there are at least {@code count}. */
    private static List<ConsumerRecord<String, byte[]>> replies(RuntimeEndpoints endpoints, String sagaId, int count) {
        List<ConsumerRecord<String, byte[]>> replies = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "remote-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of("opencloud.demo.events", "opencloud.macaroon.events"));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (sagaId.equals(header(record, "ce_sagaid"))) {
                        replies.add(record);
                    }
                });
                return replies.size() >= count;
            });
        }
        return replies;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
