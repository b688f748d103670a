package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.opencloud.functions.s3.Sha256;
import io.opencloud.functions.sentinel.ReservationIds;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Sentinel provider's, processing service's and storage provider's functions one command at a time: what they
 * refuse and why, what they do twice, and the cron release of expired reservations.
 */
class SentinelFunctionsTest extends ControlPlaneTestBase {

    private static final String SEARCH = "io.opencloud.sentinel.search.requested.v1";
    private static final String RESERVE = "io.opencloud.sentinel.reserve.requested.v1";
    private static final String RELEASE = "io.opencloud.sentinel.release.requested.v1";
    private static final String URLS = "io.opencloud.sentinel.urls.requested.v1";
    private static final String PUSH = "io.opencloud.storage.push.requested.v1";
    private static final String SCENE = "S2A_MSIL2A_20260603T102021_R065_T32TNR_20260603T140512";
    private static final String OTHER_SCENE = "S2B_MSIL2A_20260628T102029_R065_T32TNR_20260628T125640";

    private final TestObjects objects = new TestObjects();
    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());

    private Events events() {
        return new Events(http());
    }

    private JsonNode reserve(String execution, Instant expiresAt, String... scenes) {
        return events().command(RESERVE, """
                {"scenes":%s,"expiresAt":"%s","execution":"%s"}"""
                .formatted(Http.JSON.writeValueAsString(scenes), expiresAt, execution));
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String failure(JsonNode reply) {
        assertThat(reply.get("type").asString()).endsWith(".failed.v1");
        assertThat(reply.get("data").get("retryable").asBoolean()).isFalse();
        return reply.get("data").get("reason").asString();
    }

    @Test
    void searchFindsTheLeastCloudyScenesAndCountsAll() {
        JsonNode reply = events().command(SEARCH, """
                {"bbox":[8.9,45.4,10.3,46.1],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T23:59:59Z",
                 "maxCloudCover":30,"limit":2}""");

        assertThat(reply.get("type").asString()).isEqualTo("io.opencloud.sentinel.search.completed.v1");
        JsonNode data = reply.get("data");
        assertThat(data.get("count").asInt()).isEqualTo(5);
        assertThat(data.get("scenes")).extracting(scene -> scene.get("cloudCover").asDouble()).containsExactly(3.2, 5.1);
        assertThat(data.get("scenes").get(0).get("assets").get("visual").get("href").asString())
                .startsWith("http://127.0.0.1:" + port + "/stac/files/sentinel-2-l2a/");
    }

    @Test
    void aBoundingBoxThatIsNotOneIsRefusedSayingWhy() {
        String reason = failure(events().command(SEARCH, """
                {"bbox":[9,46,10,45],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T00:00:00Z"}"""));

        assertThat(reason).contains("bbox [9.0, 46.0, 10.0, 45.0] is not a bounding box", "south 46.0 is not below north");
    }

    @Test
    void aReservationOfScenesThatDoNotExistNamesThem() {
        String reason = failure(reserve(id(), inAnHour(), SCENE, "S2A_MSIL2A_20990101T000000_R000_T00XXX_20990101T000000"));

        assertThat(reason).isEqualTo("no such scene in collection sentinel-2-l2a: "
                + "S2A_MSIL2A_20990101T000000_R000_T00XXX_20990101T000000");
    }

    @Test
    void aReservationExpiringInThePastOrTooFarAheadIsRefused() {
        assertThat(failure(reserve(id(), Instant.parse("2020-01-01T00:00:00Z"), SCENE)))
                .startsWith("expiresAt 2020-01-01T00:00:00Z is not in the future");
        assertThat(failure(reserve(id(), Instant.now().plus(Duration.ofDays(30)), SCENE)))
                .contains("is further ahead than the longest reservation, PT168H");
    }

    @Test
    void reservingTwiceForOneExecutionReturnsTheSameReservation() throws Exception {
        String execution = id();
        JsonNode first = reserve(execution, inAnHour(), SCENE, OTHER_SCENE).get("data");
        JsonNode second = reserve(execution, inAnHour().plusSeconds(60), OTHER_SCENE, SCENE).get("data");

        assertThat(first.get("reservationId").asString()).isEqualTo(ReservationIds.of(execution));
        assertThat(second).isEqualTo(first);
        String prefix = "reservations/" + ReservationIds.of(execution) + "/";
        assertThat(objects.keys("opencloud-sentinel", prefix)).containsExactly(
                prefix + SCENE + "/TCI.tif", prefix + OTHER_SCENE + "/TCI.tif");
        assertThat(failure(reserve(execution, inAnHour(), SCENE)))
                .contains("already holds reservation " + ReservationIds.of(execution) + " of other scenes");
    }

    @Test
    void aReleaseBeforeItsReservationBarsIt() {
        String execution = id();
        JsonNode released = events().command(RELEASE, """
                {"reservationId":"%s"}""".formatted(ReservationIds.of(execution))).get("data");

        assertThat(released.get("released").asBoolean()).isFalse();
        assertThat(failure(reserve(execution, inAnHour(), SCENE)))
                .contains("was released at", "cannot be made again");
    }

    @Test
    void presignedUrlsServeTheStagedBytesAndDoNotOutliveTheReservation() throws Exception {
        String execution = id();
        JsonNode reservation = reserve(execution, Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS), SCENE).get("data");
        String reservationId = reservation.get("reservationId").asString();

        JsonNode urls = events().command(URLS, """
                {"reservationId":"%s","validForSeconds":300}""".formatted(reservationId)).get("data");
        JsonNode asset = urls.get("scenes").get(0).get("assets").get(0);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(asset.get("url").asString())).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(asset.get("sha256").asString());
        assertThat(failure(events().command(URLS, """
                {"reservationId":"%s","validForSeconds":3600}""".formatted(reservationId))))
                .contains("would outlive reservation " + reservationId);
        assertThat(failure(events().command(URLS, """
                {"reservationId":"%s","validForSeconds":60}""".formatted(UUID.randomUUID()))))
                .startsWith("there is no reservation ");
        JsonNode clipped = events().command(URLS, """
                {"reservationId":"%s","validForSeconds":3600,"clipToReservation":true}""".formatted(reservationId));
        assertThat(clipped.get("type").asString()).isEqualTo("io.opencloud.sentinel.urls.completed.v1");
        assertThat(Instant.parse(clipped.get("data").get("expiresAt").asString()))
                .isEqualTo(Instant.parse(reservation.get("expiresAt").asString()));
    }

    @Test
    void expiredReservationsAreReleasedByTheirSchedule() throws Exception {
        String execution = id();
        JsonNode reservation = reserve(execution, Instant.now().plusSeconds(3), SCENE).get("data");
        String prefix = "reservations/" + reservation.get("reservationId").asString() + "/";
        assertThat(objects.keys("opencloud-sentinel", prefix)).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.sql("SELECT status || ' ' || coalesce(release_reason, '') FROM sentinel_reservation"
                            + " WHERE reservation_id = ?::uuid").param(ReservationIds.of(execution))
                    .query(String.class).single()).startsWith("RELEASED expired");
            assertThat(objects.keys("opencloud-sentinel", prefix)).isEmpty();
        });
    }

    @Test
    void largeObjectsArePushedInPartsAndVerified() throws Exception {
        String source = "push-source";
        String destination = "push-" + UUID.randomUUID().toString().substring(0, 8);
        objects.makeBucket(source);
        objects.makeBucket(destination);
        byte[] large = new byte[12 * 1024 * 1024 + 17];
        new Random(7).nextBytes(large);
        objects.s3.putObject(PutObjectArgs.builder().bucket(source).object("large.bin")
                .stream(new ByteArrayInputStream(large), (long) large.length, -1L).build());

        JsonNode pushed = events().command(PUSH, """
                {"objects":[{"bucket":"%s","key":"large.bin","sha256":"%s","name":"large.bin"}],
                 "destination":{"bucket":"%s","prefix":"in","credentials":"partner"}}"""
                .formatted(source, sha256(large), destination)).get("data");

        assertThat(pushed.get("objects").get(0).get("multipart").asBoolean()).isTrue();
        assertThat(pushed.get("objects").get(0).get("size").asLong()).isEqualTo(large.length);
        assertThat(objects.read(destination, "in/large.bin")).isEqualTo(large);
    }

    @Test
    void anObjectThatIsNotWhatWasExpectedIsNotLeftAtTheDestination() throws Exception {
        String destination = "push-" + UUID.randomUUID().toString().substring(0, 8);
        objects.makeBucket("push-source");
        objects.makeBucket(destination);
        objects.s3.putObject(PutObjectArgs.builder().bucket("push-source").object("small.bin")
                .stream(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3L, -1L).build());

        String reason = failure(events().command(PUSH, """
                {"objects":[{"bucket":"push-source","key":"small.bin","sha256":"%s","name":"small.bin"}],
                 "destination":{"bucket":"%s","credentials":"partner"}}""".formatted("0".repeat(64), destination)));

        assertThat(reason).contains("push-source/small.bin has SHA-256 " + sha256(new byte[] {1, 2, 3}),
                "not the expected " + "0".repeat(64));
        assertThat(objects.keys(destination, "")).isEmpty();
        assertThat(reason).doesNotContain(SharedTestRuntime.endpoints().s3SecretKey());
    }

    private static String sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
