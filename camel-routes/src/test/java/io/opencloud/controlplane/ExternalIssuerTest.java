package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.controlplane.access.FirstAdministrator;
import io.opencloud.infra.embedded.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The control plane pointed at an external OpenID Connect issuer instead of its own: a second, separate
 * authorization server (another control plane's embedded Spring Authorization Server, in its own process space with
 * its own keys, database and port) issues the tokens, and the control plane under test takes their groups claim for
 * tenant and role, finds the issuer's keys from its discovery document, and has no authorization server of its own.
 */
class ExternalIssuerTest {

    @TempDir
    Path idpDir;

    @TempDir
    Path planeDir;

    @Test
    void tokensOfTheExternalIssuerAreHonouredByTheirGroups() {
        try (FederatedPlane idp = FederatedPlane.start("idp", idpDir)) {
            Http issuer = idp.http();
            assertThat(issuer.postJson("/tenants", "{\"name\":\"red\",\"resources\":[\"s3://red/\"]}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> member = issuer.postJson("/tenants/red/clients",
                    "{\"name\":\"red-ci\",\"role\":\"MEMBER\"}");
            String memberToken = issuer.token("red-ci", Http.JSON.readTree(member.body()).get("clientSecret")
                    .asString());
            String adminToken = issuer.token(FirstAdministrator.ADMIN_CLIENT,
                    TestCredentials.ADMIN_SECRET);

            int port = Ports.anyFree();
            try (ConfigurableApplicationContext plane = SpringApplication.run(ControlPlaneApplication.class,
                    "--opencloud.data-dir=" + planeDir, "--server.port=" + port, "--opencloud.kafka.port=0",
                    "--opencloud.kafka.controller-port=0", "--opencloud.db.port=0", "--opencloud.s3.port=0",
                    "--opencloud.auth.issuer-uri=" + idp.endpoint())) {
                Http http = new Http(port);
                assertThat(http.as(adminToken).get("/tenants").statusCode()).as("a platform admin by its group")
                        .isEqualTo(200);
                assertThat(http.as(adminToken).postJson("/tenants", "{\"name\":\"red\",\"resources\":[\"s3://red/\"]}")
                        .statusCode()).isEqualTo(201);

                assertThat(http.as(memberToken).get("/sagas").statusCode()).as("a member of red").isEqualTo(200);
                assertThat(http.as(memberToken).postJson("/tenants", "{\"name\":\"blue\"}").statusCode())
                        .as("a member is no platform admin").isEqualTo(403);
                HttpResponse<String> issued = http.as(memberToken).postStructured(Http.issueEvent(
                        ControlPlaneTestBase.id(), "s3://red/run-1", "read", 60));
                assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);

                assertThat(http.anonymous().get("/sagas").statusCode()).isEqualTo(401);
                assertThat(http.as("not-a-token").get("/sagas").statusCode()).isEqualTo(401);
                assertThat(http.anonymous().post("/oauth2/token", "application/x-www-form-urlencoded",
                        "grant_type=client_credentials", Map.of()).statusCode())
                        .as("no authorization server of its own").isIn(401, 404, 405);
            }
        }
    }
}
