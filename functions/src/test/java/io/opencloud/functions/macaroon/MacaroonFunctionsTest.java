package io.opencloud.functions.macaroon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.secrets.SecretBox;
import io.opencloud.functions.secrets.SecretsProperties;
import io.opencloud.infra.test.SharedTestRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Issue and verify against the real PostgreSQL of the shared test runtime. */
class MacaroonFunctionsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());
    private final RootKeyStore keys = new RootKeyStore(jdbc,
            new SecretBox(new SecretsProperties(SharedTestRuntime.secretsKeyFile())));
    private final IssuedMacaroons issued = new IssuedMacaroons(jdbc);
    private final IssueMacaroonFunction issue = new IssueMacaroonFunction(keys, issued, "opencloud-test", clockAt(NOW));

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static Message<IssueMacaroonRequest> command(String id, String resource, String action, long ttl) {
        return MessageBuilder.withPayload(new IssueMacaroonRequest(resource, action, ttl))
                .setHeader(CommandHeaders.ID, id).setHeader(CommandHeaders.SOURCE, "/test").build();
    }

    private MacaroonVerification verify(String macaroon, String resource, String action, Instant at) {
        return new VerifyMacaroonFunction(keys, issued, clockAt(at)).apply(new VerifyMacaroonRequest(macaroon,
                new VerifyMacaroonRequest.AccessRequest(resource, action)));
    }

    private MacaroonIssued issueOne(String resource, String action, long ttl) {
        return issue.apply(command(UUID.randomUUID().toString(), resource, action, ttl));
    }

    @Test
    void anIssuedMacaroonAuthorizesItsActionOnItsResourceUntilItExpires() {
        MacaroonIssued macaroon = issueOne("s3://results/run-42", "read", 3600);

        assertThat(macaroon.expiresAt()).isEqualTo("2026-11-23T11:00:00Z");
        assertThat(verify(macaroon.macaroon(), "s3://results/run-42", "read", NOW.plusSeconds(10)).valid()).isTrue();
        assertThat(verify(macaroon.macaroon(), "s3://results/run-42/out.tif", "read", NOW).valid()).isTrue();
    }

    @Test
    void eachRefusalSaysWhy() {
        MacaroonIssued macaroon = issueOne("s3://results/run-42", "read", 3600);

        assertThat(verify(macaroon.macaroon(), "s3://results/run-42", "write", NOW).reason())
                .contains("action = read").contains("\"write\"");
        assertThat(verify(macaroon.macaroon(), "s3://results/run-43", "read", NOW).reason())
                .contains("does not cover the resource \"s3://results/run-43\"");
        assertThat(verify(macaroon.macaroon(), "s3://results/run-42", "read", NOW.plus(Duration.ofHours(2))).reason())
                .contains("expired at 2026-11-23T11:00:00Z");
        assertThat(verify("not a macaroon", "r", "read", NOW).reason()).contains("V2 binary format");
        assertThat(verify(macaroon.macaroon(), "s3://results/run-42/../run-43", "read", NOW).reason())
                .contains("has an empty, . or .. segment");
        assertThat(verify(macaroon.macaroon(), "s3://results/run-42//x", "read", NOW).valid()).isFalse();
        assertThat(verify(macaroon.macaroon(), "s3://results/run-42/part/", "read", NOW).valid()).isTrue();
    }

    @Test
    void theHolderCanAttenuateButNotWiden() {
        MacaroonIssued macaroon = issueOne("s3://results", "read,write", 3600);
        Macaroon attenuated = MacaroonsBuilder.modify(MacaroonCodec.decode(macaroon.macaroon()))
                .addCaveat("action = read")
                .addCaveat("resource = s3://results/run-42")
                .getMacaroon();
        String narrowed = MacaroonCodec.encode(attenuated);

        assertThat(verify(macaroon.macaroon(), "s3://results/run-7", "write", NOW).valid()).isTrue();
        assertThat(verify(narrowed, "s3://results/run-42", "read", NOW).valid()).isTrue();
        assertThat(verify(narrowed, "s3://results/run-42", "write", NOW).valid()).isFalse();
        assertThat(verify(narrowed, "s3://results/run-7", "read", NOW).valid()).isFalse();
    }

    @Test
    void aMacaroonStrippedOfACaveatOrSignedWithAnotherKeyIsRefused() {
        MacaroonIssued macaroon = issueOne("s3://results/run-42", "read", 3600);
        Macaroon original = MacaroonCodec.decode(macaroon.macaroon());
        Macaroon forged = new MacaroonsBuilder(original.location, "a key we never issued with 32 bytes",
                original.identifier).addCaveat("resource = s3://results/run-42").getMacaroon();
        Macaroon foreign = new MacaroonsBuilder("elsewhere", "secret", UUID.randomUUID() + "/n").getMacaroon();

        assertThat(verify(MacaroonCodec.encode(forged), "s3://results/run-42", "write", NOW).reason())
                .contains("signature does not match");
        assertThat(verify(MacaroonCodec.encode(foreign), "s3://results/run-42", "read", NOW).reason())
                .contains("does not hold");
    }

    @Test
    void aRedeliveredCommandGetsTheSameMacaroon() {
        String id = UUID.randomUUID().toString();

        MacaroonIssued first = issue.apply(command(id, "compute:cluster-a", "execute", 60));
        MacaroonIssued second = issue.apply(command(id, "compute:cluster-a", "execute", 60));

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM issued_macaroon WHERE command_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void macaroonsUseTheV2BinaryFormatInBase64Url() {
        MacaroonIssued macaroon = issueOne("s3://results/run-42", "read", 60);

        byte[] binary = Base64.getUrlDecoder().decode(macaroon.macaroon());
        assertThat(binary[0]).as("V2 version byte").isEqualTo((byte) 2);
        assertThat(macaroon.macaroon()).doesNotContain("=", "+", "/");
    }

    @Test
    void aCommandWithoutIdentityIsRefusedRatherThanIssuedTwice() {
        Message<IssueMacaroonRequest> anonymous = MessageBuilder.withPayload(new IssueMacaroonRequest("r", "read", 60))
                .build();

        assertThatThrownBy(() -> issue.apply(anonymous)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("ce-id");
    }
}
