package io.opencloud.functionhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.functions.web.ReadinessProbe;
import io.opencloud.infra.image.Container;
import io.opencloud.infra.image.ImageProcess;
import io.opencloud.infra.image.ImageTar;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built image, {@code target/opencloud-functions.tar}, unpacked and started with its own entry point, JRE and
 * AOT cache (the cache is required: {@code -XX:AOTMode=on} makes a cache the JVM refuses stop the start), answers
 * CloudEvents over HTTP as {@link FunctionHostContract} expects, passes the compose file's readiness probe, and
 * stops gracefully on SIGTERM.
 */
class FunctionImageIT extends FunctionHostContract {

    static final Path IMAGE = Path.of("target/opencloud-functions.tar");

    private static ImageTar image;
    private static ImageProcess function;

    @BeforeAll
    static void start() throws Exception {
        SharedTestRuntime.dataSource();
        image = ImageTar.unpack(IMAGE, Files.createTempDirectory("function-image"));
        function = ImageProcess.start(image, SharedTestRuntime.endpoints(), Map.of(
                "SPRING_CLOUD_FUNCTION_DEFINITION", HOSTED,
                "JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"), List.of(), List.of());
        function.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopsGracefullyOnSigterm() throws Exception {
        try {
            if (function != null) {
                function.stop(Duration.ofSeconds(60));
                assertThat(function.output()).contains("Graceful shutdown complete");
            }
        } finally {
            if (function != null) {
                function.close();
            }
            if (image != null) {
                image.delete();
            }
        }
    }

    @Test
    void passesTheReadinessProbeOfTheComposeFileFromInsideTheImage() throws Exception {
        Path log = Files.createTempFile("readiness-probe", ".log");
        Process probe = Container.start(image, List.of("java", "-cp", "@/app/jib-classpath-file",
                ReadinessProbe.class.getName()), Map.of("PORT", Integer.toString(base().getPort())), log);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(Files.readString(log)).isZero();
        Files.delete(log);
    }

    @Override
    URI base() {
        return function.base();
    }
}
