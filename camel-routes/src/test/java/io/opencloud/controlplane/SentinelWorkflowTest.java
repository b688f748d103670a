package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.functions.sentinel.ReservationIds;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The saga {@code process-sentinel-images} on the embedded runtime: the sample STAC catalog served by the control
 * plane, staging into S3, the real gdal_translate, and a destination reached with named credentials.
 */
class SentinelWorkflowTest extends ControlPlaneTestBase {

    static final String WORKFLOW = "io.opencloud.workflow.sentinel.requested.v1";
    static final String PROCESSING_BUCKET = "opencloud-processing";
    static final String STAGING_BUCKET = "opencloud-sentinel";
    private static final Duration SAGA_TIME = Duration.ofSeconds(120);
    private static final Set<String> FINAL = Set.of("COMPLETED", "COMPENSATED", "FAILED", "ABANDONED");
    /** Both sample tiles, June 2026, at most 20 % cloud: four scenes. */
    private static final List<String> CLEAR_JUNE_SCENES = List.of(
            "S2A_MSIL2A_20260603T102021_R065_T32TNR_20260603T140512",
            "S2A_MSIL2A_20260606T103031_R108_T32TMR_20260606T132218",
            "S2B_MSIL2A_20260611T103039_R108_T32TMR_20260611T144755",
            "S2B_MSIL2A_20260628T102029_R065_T32TNR_20260628T125640");

    private final TestObjects objects = new TestObjects();
    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());

    @TempDir
    Path work;

    @Test
    void everySceneFoundIsConvertedAndPushedByteIdenticalToGdalTranslate() throws Exception {
        String bucket = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        objects.makeBucket(bucket);

        String sagaId = start("""
                {"bbox":[8.9,45.4,10.3,46.1],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T23:59:59Z",
                 "maxCloudCover":20,"destination":{"bucket":"%s","prefix":"alps/june","credentials":"partner"}}"""
                .formatted(bucket));
        JsonNode saga = awaitFinal(sagaId);

        assertThat(saga.get("status").asString()).as(saga.path("failureReason").asString()).isEqualTo("COMPLETED");
        List<String> expected = new ArrayList<>();
        CLEAR_JUNE_SCENES.forEach(id -> expected.addAll(List.of("alps/june/" + id + ".png", "alps/june/" + id + ".tif")));
        assertThat(objects.keys(bucket, "alps/")).containsExactlyInAnyOrderElementsOf(expected);
        for (String scene : CLEAR_JUNE_SCENES) {
            Path asset = sampleAsset(scene);
            assertThat(objects.read(bucket, "alps/june/" + scene + ".tif"))
                    .isEqualTo(gdalTranslate(asset, "cog.tif", "-of", "COG", "-co", "COMPRESS=DEFLATE"));
            assertThat(objects.read(bucket, "alps/june/" + scene + ".png"))
                    .isEqualTo(gdalTranslate(asset, "out.png", "-of", "PNG"));
        }
        Path pushed = work.resolve("pushed.tif");
        Files.write(pushed, objects.read(bucket, "alps/june/" + CLEAR_JUNE_SCENES.getFirst() + ".tif"));
        assertThat(run("gdalinfo", pushed.toString())).contains("LAYOUT=COG", "EPSG\",32632");
        assertThat(maxConversionsInFlight(saga)).isEqualTo(2);
        assertThat(reservationStatus(sagaId)).isEqualTo("RESERVED");
    }

    @Test
    void aConversionThatFailsLeavesNoOutputAndNoReservation() throws Exception {
        String bucket = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        objects.makeBucket(bucket);

        String sagaId = start("""
                {"bbox":[9.5,45.4,10.3,46.0],"from":"2026-06-25T00:00:00Z","to":"2026-07-31T00:00:00Z",
                 "destination":{"bucket":"%s","prefix":"july","credentials":"partner"}}""".formatted(bucket));
        JsonNode saga = awaitFinal(sagaId);

        assertThat(saga.get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString())
                .contains("step convert failed", "gdal_translate", "TIFF directory");
        assertNothingLeftBehind(sagaId, bucket);
    }

    @Test
    void aPushToAMissingBucketIsUndoneWithEverythingBeforeIt() throws Exception {
        String sagaId = start("""
                {"bbox":[9.5,45.4,10.3,46.0],"from":"2026-06-01T00:00:00Z","to":"2026-06-10T00:00:00Z",
                 "destination":{"bucket":"no-such-bucket","prefix":"x","credentials":"local"}}""");
        JsonNode saga = awaitFinal(sagaId);

        assertThat(saga.get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString())
                .contains("step push", "destination bucket no-such-bucket does not exist");
        assertThat(transitions(saga)).contains("COMPENSATION_COMPLETED");
        assertNothingLeftBehind(sagaId, "no-such-bucket");
    }

    @Test
    void aSearchThatFindsNothingEndsCompensatedSayingSo() {
        String sagaId = start("""
                {"bbox":[-10,-10,-9,-9],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T00:00:00Z",
                 "destination":{"bucket":"anything","credentials":"local"}}""");
        JsonNode saga = awaitFinal(sagaId);

        assertThat(saga.get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString()).contains("step reserve", "there is no scene to reserve");
        assertThat(saga.get("data").get("results").get("search").get("count").asInt()).isZero();
    }

    @Test
    void anUnknownCredentialSetIsNamedWithTheKnownOnes() {
        String sagaId = start("""
                {"bbox":[9.5,45.4,10.3,46.0],"from":"2026-06-01T00:00:00Z","to":"2026-06-05T00:00:00Z",
                 "formats":["PNG"],"destination":{"bucket":"anything","credentials":"nobody"}}""");
        JsonNode saga = awaitFinal(sagaId);

        assertThat(saga.get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString())
                .contains("no credentials named \"nobody\"", "local", "partner");
    }

    private void assertNothingLeftBehind(String sagaId, String destinationBucket) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(objects.keys(PROCESSING_BUCKET, "sagas/" + sagaId + "/"))
                    .containsExactly("sagas/" + sagaId + "/.discarded");
            assertThat(objects.keys(STAGING_BUCKET, "reservations/" + ReservationIds.of(sagaId) + "/")).isEmpty();
            assertThat(objects.keys(destinationBucket, "")).isEmpty();
        });
        assertThat(reservationStatus(sagaId)).isEqualTo("RELEASED");
    }

    private String start(String data) {
        return new Events(http()).trigger(WORKFLOW, data);
    }

    private JsonNode awaitFinal(String sagaId) {
        await().atMost(SAGA_TIME).until(() -> FINAL.contains(saga(sagaId).get("status").asString()));
        return saga(sagaId);
    }

    private JsonNode saga(String sagaId) {
        return Http.JSON.readTree(http().get("/sagas/" + sagaId).body());
    }

    private String reservationStatus(String sagaId) {
        return jdbc.sql("SELECT status FROM sentinel_reservation WHERE reservation_id = ?::uuid")
                .param(ReservationIds.of(sagaId)).query(String.class).single();
    }

    private static List<String> transitions(JsonNode saga) {
        return StreamSupport.stream(saga.get("history").spliterator(), false)
                .map(entry -> entry.get("transition").asString()).toList();
    }

    /** The most conversions the saga had sent and not yet heard back from, at any point of its history. */
    private static int maxConversionsInFlight(JsonNode saga) {
        int inFlight = 0;
        int most = 0;
        for (String transition : transitions(saga)) {
            switch (transition) {
                case "ITEM_SENT" -> most = Math.max(most, ++inFlight);
                case "ITEM_COMPLETED", "ITEM_FAILED_ATTEMPT", "ITEM_TIMED_OUT" -> inFlight--;
                default -> {
                }
            }
        }
        return most;
    }

    private static Path sampleAsset(String scene) throws URISyntaxException {
        return Path.of(SentinelWorkflowTest.class.getResource("/stac/sample/sentinel-2-l2a/" + scene + "/TCI.tif")
                .toURI());
    }

    private byte[] gdalTranslate(Path input, String outputName, String... options) throws Exception {
        Path output = work.resolve(outputName);
        Files.deleteIfExists(output);
        List<String> command = new ArrayList<>(List.of("gdal_translate", "-q"));
        command.addAll(List.of(options));
        command.addAll(List.of(input.toString(), output.toString()));
        run(command.toArray(String[]::new));
        return Files.readAllBytes(output);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
