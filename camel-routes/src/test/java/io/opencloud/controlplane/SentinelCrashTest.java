package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the Sentinel workflow: a control plane in its own process runs workflows of four scenes each and
 * is killed with SIGKILL at random moments of their searches, reservations, conversions and pushes. Every workflow
 * must complete with its eight files at the destination, and no command may be sent twice.
 *
 * <p>Not part of {@code ./mvnw verify} (tag {@code crash}); {@code ./mvnw -Pcrash -pl camel-routes -am verify} runs
 * it with {@link SagaCrashTest} and prints its figures.
 */
@Tag("crash")
class SentinelCrashTest {

    private static final int WORKFLOWS = Integer.getInteger("crash.workflows", 24);
    private static final int KILLS = Integer.getInteger("crash.kills", 4);

    @TempDir
    Path dataDir;

    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));

    @Test
    void workflowsSurviveRepeatedSigkillWithEveryFilePushedAndNoCommandSentTwice() throws Exception {
        // A command lost with the process would show as a step timing out; a short timeout makes that visible here.
        CrashablePlane plane = new CrashablePlane(dataDir,
                "--opencloud.sagas.process-sentinel-images.step-timeout=PT60S");
        long started = System.nanoTime();
        plane.start();
        List<Integer> notFinalAtKills = new ArrayList<>();
        int wave = WORKFLOWS / (KILLS + 1);
        for (int i = 0; i < WORKFLOWS; i++) {
            submit(plane, i);
            if ((i + 1) % wave == 0 && notFinalAtKills.size() < KILLS) {
                Thread.sleep(500 + random.nextInt(2000));
                notFinalAtKills.add(i + 1 - plane.count("SELECT count(*) FROM saga WHERE status = 'COMPLETED'"));
                plane.killAndRestart();
            }
        }

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> plane.count("SELECT count(*) FROM saga WHERE status IN ('COMPLETED', 'COMPENSATED',"
                        + " 'FAILED')") == WORKFLOWS);
        int completed = plane.count("SELECT count(*) FROM saga WHERE status = 'COMPLETED'");
        int sentTwice = plane.count("""
                SELECT count(*) FROM (SELECT 1 FROM saga_history
                    WHERE transition IN ('STEP_SENT', 'ITEM_SENT', 'COMPENSATION_SENT')
                    GROUP BY saga_id, event_id HAVING count(*) > 1) twice""");
        int itemsDoneTwice = plane.count("""
                SELECT count(*) FROM (SELECT 1 FROM saga_history WHERE transition = 'ITEM_COMPLETED'
                    GROUP BY saga_id, detail HAVING count(*) > 1) twice""");
        int timeouts = plane.count("SELECT count(*) FROM saga_history WHERE transition IN ('STEP_TIMED_OUT', 'ITEM_TIMED_OUT')");
        int items = plane.count("SELECT count(*) FROM saga_history WHERE transition = 'ITEM_SENT'");
        List<Long> filesPerWorkflow = new ArrayList<>();
        for (int i = 0; i < WORKFLOWS; i++) {
            filesPerWorkflow.add(files(plane.home().resolve("s3/opencloud/crash/" + i)));
        }
        printUnfinished(plane);
        plane.stop();

        System.out.printf("sentinel crash test: %d workflows of 4 scenes, %d SIGKILLs (workflows not yet complete at"
                        + " each: %s), %d completed, %d commands sent twice, %d conversions completed twice,"
                        + " %d timeouts, %d conversions sent, files per workflow %s, %.0f s in all%n",
                WORKFLOWS, notFinalAtKills.size(), notFinalAtKills, completed, sentTwice, itemsDoneTwice, timeouts,
                items, filesPerWorkflow.stream().distinct().toList(), (System.nanoTime() - started) / 1e9);
        assertThat(completed).isEqualTo(WORKFLOWS);
        assertThat(sentTwice).isZero();
        assertThat(itemsDoneTwice).isZero();
        assertThat(filesPerWorkflow).containsOnly(8L);
    }

    /* What went wrong with a workflow that did not complete, from its saga's own record. */
    private static void printUnfinished(CrashablePlane plane) throws Exception {
        try (Connection c = plane.database(); ResultSet sagas = c.createStatement().executeQuery(
                "SELECT saga_id, status, failure_reason FROM saga WHERE status <> 'COMPLETED'")) {
            while (sagas.next()) {
                System.out.printf("not completed: %s %s: %s%n", sagas.getString(1), sagas.getString(2),
                        sagas.getString(3));
                try (PreparedStatement history = c.prepareStatement("""
                        SELECT at, transition, step_index, detail FROM saga_history WHERE saga_id = ? ORDER BY id""")) {
                    history.setString(1, sagas.getString(1));
                    try (ResultSet entries = history.executeQuery()) {
                        while (entries.next()) {
                            System.out.printf("    %s %s %s %s%n", entries.getTimestamp(1).toInstant(),
                                    entries.getString(2), entries.getObject(3), entries.getString(4));
                        }
                    }
                }
            }
        }
    }

    private static void submit(CrashablePlane plane, int i) {
        plane.submit("""
                {"specversion":"1.0","id":"crash-%d","source":"/tests/crash",
                 "type":"io.opencloud.workflow.sentinel.requested.v1",
                 "data":{"bbox":[8.9,45.4,10.3,46.1],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T23:59:59Z",
                         "maxCloudCover":20,
                         "destination":{"bucket":"opencloud","prefix":"crash/%d","credentials":"local"}}}"""
                .formatted(i, i));
    }

    private static long files(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).count();
        }
    }
}
