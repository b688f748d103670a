package io.opencloud.controlplane;

import io.opencloud.infra.test.SharedTestRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One control plane for all the test classes that extend this (Spring caches the context), on the shared broker,
 * database and S3 server of the test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "opencloud.ingress.max-request-bytes=8192", "opencloud.sagas.demo-grant.step-timeout=PT2S",
        // The shared runtime stops beside the context at JVM exit; Camel need not wait for its timers then.
        "camel.main.shutdown-timeout=5",
        "opencloud.ingress.allowed-origins=partner.example,limited.example",
        "opencloud.ingress.origin-rates[limited.example]=3",
        "opencloud.hooks.max-request-bytes=8192",
        "opencloud.hooks.sources.github.secret=" + ControlPlaneTestBase.GITHUB_SECRET,
        "opencloud.hooks.sources.ci.secret=" + ControlPlaneTestBase.CI_SECRET,
        "opencloud.hooks.sources.ci.delivery-header=X-Delivery-Id",
        "opencloud.hooks.sources.ci.event-header=X-Event",
        "opencloud.sagas.triggers[io.opencloud.webhook.ci.received.v1]=demo-grant",
        // The sample catalog plus a scene whose GeoTIFF is broken, dated after the sample's month.
        "opencloud.stac.catalog=classpath:stac/sample/,classpath:stac/broken/",
        "opencloud.sagas.process-sentinel-images.parallelism=2",
        "opencloud.schedules.release-expired-reservations.cron=*/2 * * * * *",
        "opencloud.storage.part-size=5MB",
        "opencloud.sagas.provision-infrastructure.apply-backoff=PT0.2S",
        "opencloud.compute.backup.retry-after=PT1S",
        // Images stay raw whether or not qemu-img is installed, so that tests can compare the bytes they upload with
        // the bytes stored; LocalComputeDriverTest covers the conversion to qcow2.
        "opencloud.compute.local.qemu-img=/nonexistent/qemu-img",
        // The heartbeat ticks through every test of this context: a verify command every 2 s on the kafka channel.
        "opencloud.schedules.heartbeat.cron=*/2 * * * * *",
        "opencloud.schedules.heartbeat.target=" + ControlPlaneTestBase.VERIFY,
        "opencloud.schedules.heartbeat.data=" + ControlPlaneTestBase.TICK_DATA,
        "opencloud.schedules.yearly-all.cron=@yearly",
        "opencloud.schedules.yearly-all.catch-up=all",
        "opencloud.schedules.yearly-all.target=" + ControlPlaneTestBase.VERIFY,
        "opencloud.schedules.yearly-all.data=" + ControlPlaneTestBase.TICK_DATA,
        "opencloud.schedules.yearly-latest.cron=0 0 1 1 *",
        "opencloud.schedules.yearly-latest.time-zone=Europe/Rome",
        "opencloud.schedules.yearly-latest.target=" + ControlPlaneTestBase.VERIFY,
        "opencloud.schedules.yearly-latest.data=" + ControlPlaneTestBase.TICK_DATA,
        "opencloud.schedules.yearly-skip.cron=@yearly",
        "opencloud.schedules.yearly-skip.catch-up=skip",
        "opencloud.schedules.yearly-skip.target=" + ControlPlaneTestBase.VERIFY,
        "opencloud.schedules.yearly-skip.data=" + ControlPlaneTestBase.TICK_DATA})
abstract class ControlPlaneTestBase {

    static final Path PROVISIONING = temporaryFolder("opencloud-provisioning");
    static final String GITHUB_SECRET = "It's a Secret to Everybody";
    static final String CI_SECRET = "ci-secret-for-tests";
    static final String VERIFY = "io.opencloud.macaroon.verify.requested.v1";
    static final String TICK_DATA = "{\"macaroon\":\"not-a-macaroon\","
            + "\"request\":{\"resource\":\"s3://tick\",\"action\":\"read\"}}";

    @DynamicPropertySource
    static void sharedRuntime(DynamicPropertyRegistry registry) {
        SharedTestRuntime.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        TestCredentials.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        // Provisioning keeps its working directories, edge records and disk files under the test JVM's own folder.
        registry.add("opencloud.terraform.work-dir", () -> PROVISIONING.resolve("terraform").toString());
        registry.add("opencloud.provision.local.records-dir", () -> PROVISIONING.resolve("edge").toString());
        registry.add("opencloud.compute.local.dir", () -> PROVISIONING.resolve("compute").toString());
        // A named destination: the shared S3 server again, reached the way a partner's endpoint would be.
        registry.add("opencloud.storage.credentials.partner.endpoint", () -> SharedTestRuntime.endpoints().s3Endpoint());
        registry.add("opencloud.storage.credentials.partner.access-key", () -> SharedTestRuntime.endpoints().s3AccessKey());
        registry.add("opencloud.storage.credentials.partner.secret-key", () -> SharedTestRuntime.endpoints().s3SecretKey());
        // A credential set whose endpoint answers nothing: a marketplace moved onto it is out of order.
        registry.add("opencloud.storage.credentials.unreachable.endpoint", () -> "http://127.0.0.1:9");
        registry.add("opencloud.storage.credentials.unreachable.access-key", () -> "nobody");
        registry.add("opencloud.storage.credentials.unreachable.secret-key", () -> "nothing-to-see");
    }

    @Value("${local.server.port}")
    int port;

    Http http() {
        return new Http(port);
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
