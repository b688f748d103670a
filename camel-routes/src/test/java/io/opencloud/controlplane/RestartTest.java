package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The control plane on its embedded default (its own broker, database and S3 server under one data directory),
 * stopped and started again on the same directory: a macaroon issued before the restart still verifies after it.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(ControlPlaneApplication.class,
                "--opencloud.data-dir=" + dataDir, "--server.port=0", "--opencloud.kafka.port=0",
                "--opencloud.kafka.controller-port=0", "--opencloud.db.port=0", "--opencloud.s3.port=0");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aMacaroonIssuedBeforeARestartVerifiesAfterIt() {
        String macaroon;
        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            assertThat(http.postStructured(Http.issueEvent("before", "s3://kept/object", "read", 3600)).statusCode())
                    .isEqualTo(202);
            macaroon = http.reply("before").get("data").get("macaroon").asString();
        }

        try (ConfigurableApplicationContext context = start()) {
            Http http = http(context);
            assertThat(http.get("/events/before/reply").statusCode()).as("the reply survived too").isEqualTo(200);
            assertThat(http.postStructured(Http.verifyEvent("after", macaroon, "s3://kept/object", "read")).statusCode())
                    .isEqualTo(202);
            assertThat(http.reply("after").get("data").get("valid").asBoolean()).isTrue();
        }
    }
}
