package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.UploadObjectArgs;
import io.opencloud.functions.compute.BackupsStarted;
import io.opencloud.functions.compute.ComputeProperties;
import io.opencloud.functions.compute.DueBackups;
import io.opencloud.functions.storage.StorageProperties;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The backup sweep over a large inventory and the marketplace import of a large image, each beside its floor. A
 * harness that prints its figures, not a test of them.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark -pl camel-routes -am verify -Dtest=MarketBenchmark}. It prints the time one
 * sweep takes over {@code benchmark.vms} VMs (100,000) of which 1% are due, and the throughput of a
 * {@code benchmark.image-mib} (1024) MiB image imported by the market-import saga (its upload step, and the whole
 * saga) against a plain MinIO SDK upload of the same file to the same S3 server in the same run.
 */
@Tag("benchmark")
class MarketBenchmark extends ControlPlaneTestBase {

    private static final int VMS = Integer.getInteger("benchmark.vms", 100_000);
    private static final int IMAGE_MIB = Integer.getInteger("benchmark.image-mib", 1024);

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());
    private final TestObjects objects = new TestObjects();

    @Autowired
    DueBackups dueBackups;

    @Autowired
    ComputeProperties compute;

    @Autowired
    StorageProperties storage;

    @Test
    void printSweepTimeAndImportThroughput() throws Exception {
        ComputeFixtures fixtures = new ComputeFixtures(http());
        String marketplace = fixtures.marketplace("local");

        Path file = Files.createTempFile("opencloud-bench-", ".raw");
        try {
            writeImage(file);
            double mib = Files.size(file) / (1024.0 * 1024.0);

            long plainStart = System.nanoTime();
            objects.makeBucket("bench-plain");
            objects.s3.uploadObject(UploadObjectArgs.builder().bucket("bench-plain").object("image")
                    .filename(file.toString(), storage.partSize().toBytes()).build());
            double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

            JsonNode image = upload(file);
            String template = fixtures.template("bench", "{\"CPU\":1,\"MEMORY\":512,\"DISK\":[{\"IMAGE_ID\":\""
                    + image.get("imageId").asString() + "\"}]}");
            JsonNode started = fixtures.accepted("/marketplaces/" + marketplace + "/imports",
                    "{\"kind\":\"VMTEMPLATE\",\"objectId\":\"" + template + "\"}");
            JsonNode saga = fixtures.awaitCompleted(started.get("sagaId").asString());
            double sagaSeconds = seconds(saga.get("createdAt").asString(), saga.get("updatedAt").asString());
            JsonNode upload = step(saga, "upload");
            double uploadSeconds = seconds(upload.get("startedAt").asString(), upload.get("endedAt").asString());

            Sweep sweep = sweep(marketplace);

            System.out.printf("""
                    market benchmark (embedded runtime, %d cores):
                      backup sweep over %,d VMs, %,d due: %,d started in %.1f ms; the next sweep (none due, %,d under way) %.1f ms
                      import of a %.0f MiB image (market-import, part size %s):
                        upload step      %.2f s  %.0f MiB/s
                        whole saga       %.2f s  %.0f MiB/s (prepare, upload, publish)
                        plain MinIO SDK  %.2f s  %.0f MiB/s (uploadObject of the same file, same part size)
                        upload step / plain upload: %.2f
                    """, Runtime.getRuntime().availableProcessors(), VMS, sweep.due(), sweep.first().started(),
                    sweep.firstMillis(), sweep.first().started(), sweep.secondMillis(), mib, storage.partSize(),
                    uploadSeconds, mib / uploadSeconds, sagaSeconds, mib / sagaSeconds, plainSeconds,
                    mib / plainSeconds, uploadSeconds / plainSeconds);
            assertThat(jdbc.sql("SELECT count(*) FROM compute_vm WHERE backup_saga IS NOT NULL"
                    + " AND backup_marketplace_id = ?::uuid").param(marketplace).query(Integer.class).single())
                    .as("every due VM claimed, by this sweep or the cron's").isEqualTo(sweep.due());
            assertThat(sweep.second().started()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /*
     * The VMs are rows only (no disks): the sweep reads nothing else. The backups it starts run on while the
     * benchmark ends, and the cron's sweep may claim some of the VMs first.
     */
    private Sweep sweep(String marketplace) {
        jdbc.sql("""
                        INSERT INTO compute_vm (vm_id, name, driver, state, template, disks, backup_frequency_seconds,
                            backup_marketplace_id, backup_last_copy_time, backup_due_at)
                        SELECT gen_random_uuid(), 'bench-' || i, 'local', 'RUNNING', '{}', '[]', 86400, ?::uuid, copy,
                            copy + interval '1 day'
                        FROM (SELECT i, now() - CASE WHEN i % 100 = 0 THEN interval '2 days' ELSE interval '1 hour' END
                              AS copy FROM generate_series(1, ?) AS i) AS vms""")
                .params(marketplace, VMS).update();
        jdbc.sql("ANALYZE compute_vm").update();
        int due = jdbc.sql("SELECT count(*) FROM compute_vm WHERE backup_due_at <= now() AND backup_saga IS NULL"
                + " AND backup_marketplace_id = ?::uuid").param(marketplace).query(Integer.class).single();
        long t0 = System.nanoTime();
        BackupsStarted first = dueBackups.claim(VMS, compute.backup().staleAfter(), Instant.now());
        long t1 = System.nanoTime();
        BackupsStarted second = dueBackups.claim(VMS, compute.backup().staleAfter(), Instant.now());
        long t2 = System.nanoTime();
        return new Sweep(due, first, (t1 - t0) / 1e6, second, (t2 - t1) / 1e6);
    }

    private JsonNode upload(Path file) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/compute/images?name=bench-image"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.JSON.readTree(response.body());
    }

    /* Random blocks, each stamped with its number, so that no two parts of the image are alike. */
    private static void writeImage(Path file) throws Exception {
        byte[] block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < IMAGE_MIB; i++) {
                ByteBuffer.wrap(block).putLong(0, i).putLong(8, UUID.randomUUID().getMostSignificantBits());
                out.write(block);
            }
        }
    }

    private static JsonNode step(JsonNode saga, String name) {
        for (JsonNode step : saga.get("steps")) {
            if (step.get("name").asString().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("saga has no step " + name);
    }

    private static double seconds(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).toNanos() / 1e9;
    }

    private record Sweep(int due, BackupsStarted first, double firstMillis, BackupsStarted second,
                         double secondMillis) {
    }
}
