package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The README's interoperability check: a macaroon issued by the {@code issueMacaroon} function verifies in js-macaroon
 * (npm {@code macaroon}) with the root key {@code GET /admin/macaroon-keys/{id}} exports, and js-macaroon refuses it
 * for another action, for another resource and under another key.
 */
class MacaroonInteropTest extends ControlPlaneTestBase {

    @Test
    void aMacaroonOfTheProductVerifiesInJsMacaroon() {
        String id = "interop-" + id();
        assertThat(http().postStructured(Http.issueEvent(id, "s3://results/run-42", "read", 3600)).statusCode())
                .isEqualTo(202);
        JsonNode issued = http().reply(id).get("data");
        HttpResponse<String> key = http().get("/admin/macaroon-keys/" + issued.get("keyId").asString());
        assertThat(key.statusCode()).as(key.body()).isEqualTo(200);
        String rootKey = Http.JSON.readTree(key.body()).get("secret").asString();
        String macaroon = issued.get("macaroon").asString();

        JsMacaroon.Outcome granted = JsMacaroon.verify(rootKey, "s3://results/run-42/part-1", "read", macaroon,
                List.of());
        assertThat(granted.verified()).as(granted.output()).isTrue();
        assertThat(JsMacaroon.verify(rootKey, "s3://results/run-42", "write", macaroon, List.of()).output())
                .contains("action write is not one of read");
        assertThat(JsMacaroon.verify(rootKey, "s3://results/run-43", "read", macaroon, List.of()).output())
                .contains("is not under s3://results/run-42");
        assertThat(JsMacaroon.verify("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "s3://results/run-42", "read",
                macaroon, List.of()).verified()).isFalse();
    }

    @Test
    void aRootKeyThatDoesNotExistIsNotFound() {
        HttpResponse<String> missing = http().get("/admin/macaroon-keys/00000000-0000-0000-0000-000000000000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("does not exist");
    }
}
