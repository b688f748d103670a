package io.opencloud.controlplane;

import io.opencloud.infra.test.SharedTestRuntime;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One control plane for all the test classes that extend this (Spring caches the context), on the shared broker,
 * database and S3 server of the test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opencloud.ingress.max-request-bytes=8192", "opencloud.sagas.demo-grant.step-timeout=PT2S"})
abstract class ControlPlaneTestBase {

    @DynamicPropertySource
    static void sharedRuntime(DynamicPropertyRegistry registry) {
        SharedTestRuntime.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Value("${local.server.port}")
    int port;

    Http http() {
        return new Http(port);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
