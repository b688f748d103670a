package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import io.opencloud.controlplane.federation.Ed25519;
import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.SignedContent;
import io.opencloud.controlplane.federation.network.JoinKey;
import io.opencloud.events.FederationType;
import io.opencloud.functions.macaroon.MacaroonCodec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Three control planes on one machine, each with its own data directory, ports, broker, database and S3 server.
 * Alpha owns a private network that beta joins with its key; gamma is kept out. They show the whole federation:
 * catalogs that hold exactly what the networks share, a join refused without the key, forged and replayed membership
 * events refused, macaroons that alpha verifies when beta presents them and refuses from gamma or after expiry, and
 * a peer watched, lost and found again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dirs;

    private FederatedPlane alpha;
    private FederatedPlane beta;
    private FederatedPlane gamma;
    private String network;
    private String joinKey;

    @BeforeAll
    void formAPrivateNetworkOfAlphaAndBeta() {
        alpha = FederatedPlane.start("alpha", dirs.resolve("alpha"));
        beta = FederatedPlane.start("beta", dirs.resolve("beta"));
        gamma = FederatedPlane.start("gamma", dirs.resolve("gamma"));

        HttpResponse<String> created = alpha.http().postJson("/networks", "{\"name\":\"earth-observation\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = Http.JSON.readTree(created.body());
        network = view.get("network").asString();
        joinKey = view.get("joinKey").asString();

        HttpResponse<String> joined = beta.http().postJson("/networks/join", "{\"joinKey\":\"" + joinKey + "\"}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> beta.http().get("/networks/" + network).statusCode() == 200);

        share(alpha, "sentinel-2", "data", network);
        share(alpha, "internal-ledger", "data");
        share(beta, "gpu-cluster", "compute", network);
        share(gamma, "secret-archive", "storage", "public");
    }

    @AfterAll
    void stopAll() {
        for (FederatedPlane plane : new FederatedPlane[] {alpha, beta, gamma}) {
            if (plane != null) {
                plane.close();
            }
        }
    }

    @Test
    void eachMemberSeesTheOthersSharedResourcesAndNotTheThirds() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(catalogNames(alpha)).contains("sentinel-2", "internal-ledger", "gpu-cluster");
            assertThat(catalogNames(beta)).contains("gpu-cluster", "sentinel-2");
        });
        assertThat(catalogNames(beta)).doesNotContain("internal-ledger", "secret-archive");
        assertThat(catalogNames(gamma)).contains("secret-archive")
                .doesNotContain("sentinel-2", "internal-ledger", "gpu-cluster");

        JsonNode sentinel = entry(beta, "sentinel-2");
        assertThat(sentinel.get("provider").get("name").asString()).isEqualTo("alpha");
        assertThat(sentinel.get("ref").asString()).isEqualTo(alpha.peerId() + "/sentinel-2");
        assertThat(sentinel.get("card").get("title").asString()).isEqualTo("sentinel-2 by alpha");
        assertThat(sentinel.get("inputs").get(0).get("name").asString()).isEqualTo("bbox");
        assertThat(sentinel.get("networks")).extracting(JsonNode::asString).containsExactly(network);

        JsonNode members = alpha.getJson("/networks/" + network).get("members");
        assertThat(members).extracting(m -> m.get("name").asString()).containsExactly("beta");
        assertThat(beta.getJson("/networks/" + network).has("joinKey")).as("only the owner sees the key").isFalse();
    }

    @Test
    void theThirdCannotJoinWithoutTheKey() {
        JoinKey real = JoinKey.decode(joinKey);
        String guessed = new JoinKey(real.network(), real.owner(), real.endpoint(),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").encode();

        HttpResponse<String> refused = gamma.http().postJson("/networks/join", "{\"joinKey\":\"" + guessed + "\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("alpha refused the join").contains("does not match network " + network);
        assertThat(gamma.http().get("/networks/" + network).statusCode()).isEqualTo(404);
        assertThat(alpha.getJson("/networks/" + network).get("members"))
                .extracting(m -> m.get("name").asString()).doesNotContain("gamma");

        HttpResponse<String> garbled = gamma.http().postJson("/networks/join", "{\"joinKey\":\"ocjoin1.!!\"}");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("joinKey");
    }

    @Test
    void aForgedOrReplayedMembershipEventIsRefused() {
        String data = membership(1, alpha, beta, gamma);
        PrivateKey alphaKey = alpha.bean(Identities.class).signingKey();
        PrivateKey gammaKey = gamma.bean(Identities.class).signingKey();
        String join = FederationType.JOIN_COMPLETED.type();

        HttpResponse<String> forged = send(beta, join, gammaKey, alpha.peerId(), UUID.randomUUID().toString(),
                Instant.now(), data);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("forged-event");

        HttpResponse<String> stale = send(beta, join, alphaKey, alpha.peerId(), UUID.randomUUID().toString(),
                Instant.now().minus(Duration.ofMinutes(10)), data);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(403);
        assertThat(stale.body()).contains("stale-event");

        HttpResponse<String> misdirected = sendTo(beta, gamma.peerId(), join, alphaKey, alpha.peerId(),
                UUID.randomUUID().toString(), Instant.now(), data);
        assertThat(misdirected.statusCode()).as(misdirected.body()).isEqualTo(403);
        assertThat(misdirected.body()).contains("misdirected-event");

        String capturedId = UUID.randomUUID().toString();
        Instant capturedAt = Instant.now();
        String honest = membership(1, alpha, beta);
        assertThat(send(beta, join, alphaKey, alpha.peerId(), capturedId, capturedAt, honest).statusCode())
                .isEqualTo(202);
        HttpResponse<String> replayed = send(beta, join, alphaKey, alpha.peerId(), capturedId, capturedAt, honest);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.body()).contains("replayed-event");

        String gammaCard = card(gamma);
        String altered = gammaCard.replace("\"name\":\"gamma\"", "\"name\":\"not-gamma\"");
        long next = alpha.bean(JdbcClient.class).sql("SELECT nextval('federation_share_sequence')")
                .query(Long.class).single();
        String withAlteredCard = """
                {"network":"%s","name":"earth-observation","visibility":"PRIVATE","owner":"%s","sequence":%d,
                 "members":[%s,%s,%s]}""".formatted(network, alpha.peerId(), next, card(alpha), card(beta), altered);
        HttpResponse<String> taken = send(beta, join, alphaKey, alpha.peerId(), UUID.randomUUID().toString(),
                Instant.now(), withAlteredCard);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);

        assertThat(beta.getJson("/networks/" + network).get("members"))
                .as("a card its member did not sign is left out").extracting(m -> m.get("name").asString())
                .containsExactly("alpha");
    }

    @Test
    void onlyMembersActAndOnlyTheOwnerAnnouncesMembers() {
        HttpResponse<String> stranger = send(beta, FederationType.JOIN_COMPLETED.type(),
                gamma.bean(Identities.class).signingKey(), gamma.peerId(), UUID.randomUUID().toString(),
                Instant.now(), membership(1, gamma, beta));
        assertThat(stranger.statusCode()).as("not known yet: may be early").isEqualTo(425);
        assertThat(stranger.body()).contains("unknown-peer");

        gamma.http().postJson("/networks/join", "{\"network\":\"public\",\"endpoint\":\"" + alpha.endpoint() + "\"}");
        await().atMost(PATIENCE).until(() -> alpha.http().get("/peers/" + gamma.peerId()).statusCode() == 200);
        PrivateKey gammaKey = gamma.bean(Identities.class).signingKey();

        HttpResponse<String> share = send(alpha, FederationType.SHARE_COMPLETED.type(), gammaKey, gamma.peerId(),
                UUID.randomUUID().toString(), Instant.now(), """
                        {"network":"%s","sequence":1,"resources":[]}""".formatted(network));
        assertThat(share.statusCode()).as(share.body()).isEqualTo(425);
        assertThat(share.body()).contains("is not a member of network " + network);

        HttpResponse<String> leave = send(alpha, FederationType.LEAVE_COMPLETED.type(), gammaKey, gamma.peerId(),
                UUID.randomUUID().toString(), Instant.now(), """
                        {"network":"%s","peerId":"%s"}""".formatted(network, beta.peerId()));
        assertThat(leave.statusCode()).as(leave.body()).isEqualTo(403);
        assertThat(leave.body()).contains("cannot announce that another member left");

        HttpResponse<String> notOwner = send(alpha, FederationType.JOIN_COMPLETED.type(),
                beta.bean(Identities.class).signingKey(), beta.peerId(), UUID.randomUUID().toString(),
                Instant.now(), membership(99, alpha, beta, gamma));
        assertThat(notOwner.statusCode()).as(notOwner.body()).isEqualTo(403);
        assertThat(notOwner.body()).contains("only its owner announces its members");

        HttpResponse<String> twice = send(alpha, FederationType.SHARE_COMPLETED.type(),
                beta.bean(Identities.class).signingKey(), beta.peerId(), UUID.randomUUID().toString(), Instant.now(),
                """
                        {"network":"%s","sequence":1,"resources":[%s,%s]}""".formatted(network, resource("twin"),
                        resource("twin")));
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("names a resource twice");

        assertThat(alpha.getJson("/networks/" + network).get("members"))
                .extracting(m -> m.get("name").asString()).containsExactly("beta");
    }

    @Test
    void aMacaroonIssuedByOneIsVerifiedByItFromTheSecondAndRefusedFromTheThirdOrAfterExpiry() {
        JsonNode grant = issue("read", 600);
        String grantPath = "/grants/" + alpha.peerId() + "/" + grant.get("id").asString();
        await().atMost(PATIENCE).until(() -> beta.http().get(grantPath).statusCode() == 200);

        HttpResponse<String> token = beta.http().postJson(grantPath + "/token", "{}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        HttpResponse<String> exchanged = alpha.http().postJson("/provider/tokens/exchange",
                "{\"token\":\"" + json(token).get("token").asString() + "\"}");
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        assertThat(json(exchanged).get("peer").asString()).isEqualTo(beta.peerId());
        assertThat(alpha.http().postJson("/provider/tokens/exchange",
                "{\"token\":\"" + json(token).get("token").asString() + "\"}").statusCode())
                .as("a request token is good once").isEqualTo(409);
        JsonNode introspected = json(alpha.http().postJson("/provider/tokens/introspect",
                "{\"token\":\"" + json(exchanged).get("accessToken").asString() + "\"}"));
        assertThat(introspected.get("active").asBoolean()).isTrue();

        String narrowed = json(beta.http().postJson(grantPath + "/attenuate",
                "{\"resource\":\"sentinel-2/tiles\"}")).get("macaroon").asString();
        HttpResponse<String> beyond = beta.http().postJson(grantPath + "/token", """
                {"macaroon":"%s","request":{"resource":"sentinel-2/orbits","action":"read"}}""".formatted(narrowed));
        assertThat(beyond.statusCode()).isEqualTo(403);
        assertThat(beyond.body()).contains("does not cover the resource");

        String stolen = grant.get("macaroon").asString();
        HttpResponse<String> bare = alpha.http().postJson("/provider/tokens", presentation(stolen, List.of()));
        assertThat(bare.statusCode()).isEqualTo(403);
        assertThat(bare.body()).contains("beta must discharge");
        HttpResponse<String> otherGrant = beta.http().postJson(grantPath + "/discharge",
                "{\"macaroon\":\"" + issue("read", 600).get("macaroon").asString() + "\"}");
        assertThat(otherGrant.statusCode()).as("beta discharges only the grant named").isEqualTo(403);
        assertThat(otherGrant.body()).contains("neither grant");
        HttpResponse<String> climbing = beta.http().postJson(grantPath + "/token", """
                {"request":{"resource":"sentinel-2/../internal-ledger","action":"read"}}""");
        assertThat(climbing.statusCode()).isEqualTo(403);
        assertThat(climbing.body()).contains("segment");
        HttpResponse<String> forgedDischarge = alpha.http().postJson("/provider/tokens",
                presentation(stolen, List.of(dischargeForgedBy(gamma, stolen))));
        assertThat(forgedDischarge.statusCode()).isEqualTo(403);
        assertThat(forgedDischarge.body()).contains("not made by beta");

        JsonNode revoked = issue("read", 600);
        String revokedPath = "/grants/" + alpha.peerId() + "/" + revoked.get("id").asString();
        await().atMost(PATIENCE).until(() -> beta.http().get(revokedPath).statusCode() == 200);
        assertThat(alpha.http().delete("/provider/macaroons/" + revoked.get("id").asString()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> afterRevocation = beta.http().postJson(revokedPath + "/token", "{}");
        assertThat(afterRevocation.statusCode()).isEqualTo(403);
        assertThat(afterRevocation.body()).contains("revoked at");

        JsonNode shortLived = issue("read", 1);
        String shortPath = "/grants/" + alpha.peerId() + "/" + shortLived.get("id").asString();
        await().atMost(PATIENCE).until(() -> beta.http().get(shortPath).statusCode() == 200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            HttpResponse<String> late = beta.http().postJson(shortPath + "/token", "{}");
            assertThat(late.statusCode()).isEqualTo(403);
            assertThat(late.body()).contains("expired");
        });
    }

    @Test
    void aDelegatedMacaroonWithTheHoldersDischargeVerifiesInJsMacaroon() {
        JsonNode grant = issue("read", 600);
        String grantPath = "/grants/" + alpha.peerId() + "/" + grant.get("id").asString();
        await().atMost(PATIENCE).until(() -> beta.http().get(grantPath).statusCode() == 200);
        JsonNode discharged = json(beta.http().postJson(grantPath + "/discharge", "{}"));
        String macaroon = discharged.get("macaroon").asString();
        List<String> discharges = StreamSupport.stream(discharged.get("discharges").spliterator(), false)
                .map(JsonNode::asString).toList();
        String keyId = MacaroonCodec.decode(macaroon).identifier.split("/")[0];
        String rootKey = alpha.getJson("/admin/macaroon-keys/" + keyId).get("secret").asString();

        JsMacaroon.Outcome verified = JsMacaroon.verify(rootKey, "sentinel-2", "read", macaroon, discharges);
        assertThat(verified.verified()).as(verified.output()).isTrue();
        JsMacaroon.Outcome undischarged = JsMacaroon.verify(rootKey, "sentinel-2", "read", macaroon, List.of());
        assertThat(undischarged.verified()).as(undischarged.output()).isFalse();
    }

    @Test
    void aUserKeepsFavouritesOfWhatTheCatalogShows() {
        await().atMost(PATIENCE).until(() -> catalogNames(beta).contains("sentinel-2"));
        String favourites = "/users/ana/favourites/";

        HttpResponse<String> added = beta.http().putJson(favourites + alpha.peerId() + "/sentinel-2", "");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(beta.http().putJson(favourites + gamma.peerId() + "/secret-archive", "").statusCode())
                .as("not in beta's catalog").isEqualTo(404);

        JsonNode listed = beta.getJson(favourites.substring(0, favourites.length() - 1));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("available").asBoolean()).isTrue();
        assertThat(listed.get(0).get("resource").get("provider").get("name").asString()).isEqualTo("alpha");
        assertThat(beta.getJson("/users/bob/favourites")).isEmpty();

        assertThat(beta.http().delete(favourites + alpha.peerId() + "/sentinel-2").statusCode()).isEqualTo(204);
        assertThat(beta.getJson("/users/ana/favourites")).isEmpty();
    }

    @Test
    void aPeerThatIsRenamedIsKnownByItsNewName() {
        String rename = "{\"name\":\"%s\",\"endpoint\":\"" + beta.endpoint() + "\"}";
        assertThat(beta.http().putJson("/admin/identity", rename.formatted("beta-renamed")).statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE).until(() -> alpha.getJson("/peers/" + beta.peerId()).get("name").asString()
                .equals("beta-renamed"));

        assertThat(beta.http().putJson("/admin/identity", rename.formatted("beta")).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> alpha.getJson("/peers/" + beta.peerId()).get("name").asString()
                .equals("beta"));
    }

    @Test
    void aMemberThatLeavesTakesItsResourcesAlongAndLosesItsGrants() {
        JsonNode created = json(alpha.http().postJson("/networks", "{\"name\":\"short-lived\"}"));
        String shortLived = created.get("network").asString();
        beta.http().postJson("/networks/join", "{\"joinKey\":\"" + created.get("joinKey").asString() + "\"}");
        await().atMost(PATIENCE).until(() -> beta.http().get("/networks/" + shortLived).statusCode() == 200);
        share(beta, "scratch-disk", "storage", shortLived);
        share(alpha, "leaver-data", "data", shortLived);
        await().atMost(PATIENCE).until(() -> catalogNames(alpha).contains("scratch-disk"));
        HttpResponse<String> granted = alpha.http().postJson("/provider/macaroons", """
                {"peer":"%s","resource":"leaver-data","action":"read","ttlSeconds":600}""".formatted(beta.peerId()));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        String grantPath = "/grants/" + alpha.peerId() + "/" + json(granted).get("id").asString();
        await().atMost(PATIENCE).until(() -> beta.http().get(grantPath).statusCode() == 200);
        assertThat(beta.http().postJson(grantPath + "/token", "{}").statusCode()).isEqualTo(201);

        assertThat(beta.http().delete("/networks/" + shortLived + "/membership").statusCode()).isEqualTo(204);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(catalogNames(alpha)).doesNotContain("scratch-disk");
            assertThat(alpha.getJson("/networks/" + shortLived).get("members")).isEmpty();
        });
        assertThat(catalogNames(alpha)).contains("gpu-cluster");
        HttpResponse<String> afterLeaving = beta.http().postJson(grantPath + "/token", "{}");
        assertThat(afterLeaving.statusCode()).as("a member that left loses its grants there").isEqualTo(403);
        assertThat(afterLeaving.body()).contains("no longer shared");

        JsonNode doomed = json(alpha.http().postJson("/networks", "{\"name\":\"dissolved\"}"));
        String dissolved = doomed.get("network").asString();
        beta.http().postJson("/networks/join", "{\"joinKey\":\"" + doomed.get("joinKey").asString() + "\"}");
        await().atMost(PATIENCE).until(() -> beta.http().get("/networks/" + dissolved).statusCode() == 200);
        assertThat(alpha.http().delete("/networks/" + dissolved + "/membership").statusCode()).isEqualTo(204);
        await("the owner left: its network is dissolved").atMost(PATIENCE)
                .until(() -> beta.http().get("/networks/" + dissolved).statusCode() == 404);
    }

    @Test
    void thePublicNetworkSharesWithAllItsMembersAndAPeerThatStopsAnsweringRecoversUpToDate() {
        HttpResponse<String> joined = gamma.http().postJson("/networks/join",
                "{\"network\":\"public\",\"endpoint\":\"" + alpha.endpoint() + "\"}");
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(catalogNames(alpha)).contains("secret-archive");
            assertThat(health(alpha, gamma)).isEqualTo("REACHABLE");
        });
        assertThat(catalogNames(beta)).as("beta is not in the public network with gamma")
                .doesNotContain("secret-archive");

        String gammaId = gamma.peerId();
        gamma.stop();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode peer = alpha.getJson("/peers/" + gammaId);
            assertThat(peer.get("health").asString()).isEqualTo("UNREACHABLE");
            assertThat(peer.get("lastError").asString()).contains("did not answer");
        });
        share(alpha, "open-bulletin", "data", "public");
        await("alpha gives up sending gamma the news").atMost(PATIENCE).until(() -> alpha.bean(JdbcClient.class)
                .sql("SELECT count(*) FROM federation_delivery WHERE peer_id = ? AND abandoned_at IS NOT NULL")
                .param(gammaId).query(Integer.class).single() > 0);

        gamma.start();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(health(alpha, gamma)).isEqualTo("REACHABLE"));
        await("brought up to date once it answers again").atMost(PATIENCE)
                .until(() -> catalogNames(gamma).contains("open-bulletin"));
    }

    private JsonNode issue(String action, int ttlSeconds) {
        HttpResponse<String> issued = alpha.http().postJson("/provider/macaroons", """
                {"peer":"%s","resource":"sentinel-2","action":"%s","ttlSeconds":%d}"""
                .formatted(beta.peerId(), action, ttlSeconds));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued);
    }

    /** A discharge made by gamma for the caveat alpha sealed for beta: gamma cannot read its key, so it guesses. */
    private static String dischargeForgedBy(FederatedPlane gamma, String serialized) {
        Macaroon macaroon = MacaroonCodec.decode(serialized);
        String caveatId = StreamSupport.stream(List.of(macaroon.caveatPackets).spliterator(), false)
                .map(packet -> packet.getValueAsText()).filter(text -> text.startsWith("oc3p1.")).findFirst()
                .orElseThrow();
        Macaroon discharge = new MacaroonsBuilder(gamma.endpoint(), "a key gamma made up", caveatId).getMacaroon();
        return MacaroonCodec.encode(MacaroonsBuilder.modify(macaroon).prepare_for_request(discharge).getMacaroon());
    }

    private static String presentation(String macaroon, List<String> discharges) {
        return """
                {"macaroon":"%s","discharges":%s,"request":{"resource":"sentinel-2","action":"read"}}"""
                .formatted(macaroon, Http.JSON.valueToTree(discharges));
    }

    private String membership(long sequence, FederatedPlane... members) {
        return """
                {"network":"%s","name":"earth-observation","visibility":"PRIVATE","owner":"%s","sequence":%d,
                 "members":[%s]}""".formatted(network, alpha.peerId(), sequence, String.join(",",
                Arrays.stream(members).map(FederationTest::card).toList()));
    }

    private static HttpResponse<String> send(FederatedPlane to, String type, PrivateKey key, String signer, String id,
                                             Instant time, String data) {
        return sendTo(to, to.peerId(), type, key, signer, id, time, data);
    }

    /** A peer event as a control plane signs it, posted to {@code to} but addressed to {@code recipient}. */
    private static HttpResponse<String> sendTo(FederatedPlane to, String recipient, String type, PrivateKey key,
                                               String signer, String id, Instant time, String data) {
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        String signature = Ed25519.sign(key, new SignedContent(id, "/opencloud/federation", type, null, at, signer,
                recipient, bytes));
        return to.http().post("/events", "application/json", bytes, Map.of("ce-specversion", "1.0", "ce-id", id,
                "ce-source", "/opencloud/federation", "ce-type", type, "ce-time", at.toString(),
                "ce-signer", signer, "ce-recipient", recipient, "ce-signature", signature));
    }

    private static String resource(String name) {
        return """
                {"name":"%s","kind":"data","card":{"title":"%s","description":""},"inputs":[]}""".formatted(name, name);
    }

    private static String card(FederatedPlane plane) {
        return plane.http().get("/federation/identity").body();
    }

    private static void share(FederatedPlane plane, String name, String kind, String... networks) {
        HttpResponse<String> saved = plane.http().putJson("/catalog/resources/" + name, """
                {"kind":"%s","card":{"title":"%s by %s","description":"shared for the federation test"},
                 "inputs":[{"name":"bbox","type":"array","required":true,"description":"west, south, east, north"}],
                 "sharedWith":%s}""".formatted(kind, name, plane.name(), Http.JSON.valueToTree(List.of(networks))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    }

    private static List<String> catalogNames(FederatedPlane plane) {
        return StreamSupport.stream(plane.getJson("/catalog").spliterator(), false)
                .map(entry -> entry.get("name").asString()).toList();
    }

    private static JsonNode entry(FederatedPlane plane, String name) {
        return StreamSupport.stream(plane.getJson("/catalog").spliterator(), false)
                .filter(entry -> entry.get("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static String health(FederatedPlane watcher, FederatedPlane watched) {
        HttpResponse<String> peer = watcher.http().get("/peers/" + watched.peerId());
        return peer.statusCode() == 200 ? json(peer).get("health").asString() : "NOT-A-PEER";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Http.JSON.readTree(response.body());
    }
}
