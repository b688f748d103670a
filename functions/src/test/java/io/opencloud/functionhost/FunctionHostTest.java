package io.opencloud.functionhost;

import io.opencloud.infra.test.SharedTestRuntime;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The function host in the test's JVM, on the shared broker, database and S3 server, with its own settings file. */
@SpringBootTest(classes = FunctionHostApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + FunctionHostApplication.CONFIG_NAME,
                "spring.cloud.function.definition=" + FunctionHostContract.HOSTED})
class FunctionHostTest extends FunctionHostContract {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void sharedServices(DynamicPropertyRegistry registry) throws Exception {
        SharedTestRuntime.dataSource();
        SharedTestRuntime.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        Path dataDir = Files.createTempDirectory("opencloud-function-host");
        registry.add("opencloud.data-dir", dataDir::toString);
    }

    @Override
    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
