package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.functions.secrets.SecretBox;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /admin/identity}: the identity a control plane makes on its first start, with an Ed25519 key pair whose
 * private half only the secrets key opens, and the change of its name and endpoint, which keeps the key.
 */
class IdentityTest extends ControlPlaneTestBase {

    @Autowired
    SecretBox secrets;

    @Test
    void isMadeOnTheFirstStartWithAKeyPairThatSigns() throws Exception {
        JsonNode identity = identity();
        assertThat(identity.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(identity.get("endpoint").asString()).startsWith("http");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(identity.get("publicKey").asString())));

        byte[] sealed = JdbcClient.create(SharedTestRuntime.dataSource())
                .sql("SELECT sealed_private_key FROM control_plane_identity").query(byte[].class).single();
        PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                secrets.open(sealed, "control-plane-identity")));
        byte[] message = "a membership event".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void aNewNameAndEndpointKeepTheKey() {
        JsonNode before = identity();

        HttpResponse<String> renamed = http().putJson("/admin/identity",
                "{\"name\":\"lab-b\",\"endpoint\":\"https://cp.lab-b.example:8443\"}");

        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        JsonNode after = identity();
        assertThat(after.get("name").asString()).isEqualTo("lab-b");
        assertThat(after.get("endpoint").asString()).isEqualTo("https://cp.lab-b.example:8443");
        assertThat(after.get("publicKey").asString()).isEqualTo(before.get("publicKey").asString());
    }

    @Test
    void refusesANameOrEndpointPeersCouldNotUse() {
        HttpResponse<String> refused = http().putJson("/admin/identity",
                "{\"name\":\"Lab B!\",\"endpoint\":\"ftp://files.example\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        List<String> errors = StreamSupport.stream(Http.JSON.readTree(refused.body()).get("errors").spliterator(),
                false).map(JsonNode::asString).toList();
        assertThat(errors).hasSize(2).anyMatch(e -> e.startsWith("name:")).anyMatch(e -> e.startsWith("endpoint:"));
    }

    private JsonNode identity() {
        HttpResponse<String> response = http().get("/admin/identity");
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }
}
