package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencloud.controlplane.functions.ConcurrentFunctionHostRoutes;
import io.opencloud.controlplane.functions.FunctionHostRoutes;
import io.opencloud.controlplane.ingress.KafkaIngressRoute;
import io.opencloud.events.PingType;
import io.opencloud.infra.config.OpenCloudProperties;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.config.StartupRefusedException;
import io.opencloud.infra.embedded.EmbeddedRuntime;
import io.opencloud.infra.kafka.TopicProvisioner;
import io.opencloud.infra.outbox.OutboxRelay;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The control plane with {@code SPRING_PROFILES_ACTIVE=distributed}: it starts nothing in-process and says which
 * endpoint is missing; given endpoints, it runs no outbox relay (Debezium runs on Kafka Connect) and consumes no
 * commands (the Knative Broker delivers them), but reads {@code opencloud.ingress} and fires its schedules itself,
 * since nothing Knative posts to it could carry an access token; a ping posted without one is refused.
 */
class DistributedProfileTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path servicesDir;

    @Test
    void refusesToStartWithoutTheEndpointsOfTheDeployment() {
        assertThatThrownBy(() -> SpringApplication.run(ControlPlaneApplication.class,
                "--spring.profiles.active=distributed", "--opencloud.data-dir=" + dataDir, "--server.port=0"))
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("OPENCLOUD_KAFKA_BOOTSTRAP").hasMessageContaining("OPENCLOUD_DB_URL")
                .hasMessageContaining("OPENCLOUD_S3_ENDPOINT");
    }

    /**
     * On services of its own, not the shared ones: a second control plane on the shared broker would join the
     * consumer groups of the test context under the same node name and fence its consumers.
     */
    @Test
    void leavesRelayAndCommandsToTheClusterAndKeepsIngressAndSchedules() throws Exception {
        try (EmbeddedRuntime services = EmbeddedRuntime.start(new OpenCloudProperties(servicesDir,
                new OpenCloudProperties.Kafka(null, 0, 0, 1), new OpenCloudProperties.Db(null, "opencloud", "opencloud", 0),
                new OpenCloudProperties.S3(null, "opencloud", "opencloud-secret", 0, "opencloud")))) {
            RuntimeEndpoints endpoints = services.endpoints();
            // The distributed profile creates no topic: Strimzi would have.
            TopicProvisioner.ensureTopics(endpoints.kafkaBootstrap(), 1, (short) 1);
            runDistributed(endpoints);
        }
    }

    private void runDistributed(RuntimeEndpoints endpoints) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=distributed",
                "--opencloud.data-dir=" + dataDir, "--server.port=0",
                "--opencloud.schedules.tick.cron=* * * * *",
                "--opencloud.schedules.tick.target=" + ControlPlaneTestBase.VERIFY,
                "--opencloud.schedules.tick.data=" + ControlPlaneTestBase.TICK_DATA));
        SharedTestRuntime.springProperties(endpoints).forEach((name, value) -> args.add("--" + name + "=" + value));
        TestCredentials.springProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext context = SpringApplication.run(ControlPlaneApplication.class,
                args.toArray(String[]::new))) {
            assertThat(context.getBeansOfType(OutboxRelay.class)).isEmpty();
            assertThat(context.getBeansOfType(FunctionHostRoutes.class)).isEmpty();
            assertThat(context.getBeansOfType(ConcurrentFunctionHostRoutes.class)).isEmpty();
            assertThat(context.getBeansOfType(KafkaIngressRoute.class)).hasSize(1);
            List<String> routes = context.getBean(CamelContext.class).getRoutes().stream().map(Route::getRouteId)
                    .toList();
            assertThat(routes).isNotEmpty().noneMatch(id -> id.startsWith("functions.")).contains(
                    "ingress.kafka", "schedules.timer");

            Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
            HttpResponse<String> ping = http.anonymous().postStructured("""
                    {"specversion":"1.0","id":"%s","source":"%s","type":"%s","datacontenttype":"application/json",
                     "data":%s}""".formatted(UUID.randomUUID(), PingType.source("opencloud", "tick"), PingType.TYPE,
                    ControlPlaneTestBase.TICK_DATA));
            assertThat(ping.statusCode()).as("a ping from outside, without a token").isEqualTo(401);
        }
    }
}
