package io.opencloud.controlplane;

import static org.awaitility.Awaitility.await;

import io.opencloud.infra.test.SharedTestRuntime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saga throughput and latency on the embedded runtime, beside the floor set by the database: the commit rate of the
 * same PostgreSQL for one single-row transaction at a time. A harness that prints its figures, not a test of them.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark -pl camel-routes -am verify}. The figures are the step cycle (the commit
 * that sends a step's command to the commit that sends the next step's: outbox, Debezium, Kafka, the function, the
 * reply, the coordinator) and saga steps per second with many sagas in flight.
 */
@Tag("benchmark")
class SagaBenchmark extends ControlPlaneTestBase {

    private static final int SEQUENTIAL_SAGAS = Integer.getInteger("benchmark.sequential", 30);
    private static final int CONCURRENT_SAGAS = Integer.getInteger("benchmark.concurrent", 300);
    private static final int STEPS_PER_SAGA = 3;

    private final DataSource dataSource = SharedTestRuntime.dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void printSagaThroughputAndStepLatencyBesideTheCommitFloor() throws Exception {
        double commitsPerSecond = singleRowCommitRate(Duration.ofSeconds(3));

        List<String> alone = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL_SAGAS; i++) {
            String sagaId = start("bench-seq-" + id());
            awaitCompleted(List.of(sagaId));
            alone.add(sagaId);
        }
        List<Long> aloneCycles = stepCycles(alone);

        long t0 = System.nanoTime();
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_SAGAS; i++) {
            crowd.add(start("bench-par-" + id()));
        }
        awaitCompleted(crowd);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double stepsPerSecond = CONCURRENT_SAGAS * STEPS_PER_SAGA / seconds;
        List<Long> crowdCycles = stepCycles(crowd);

        System.out.printf("""
                saga benchmark (embedded runtime, %d cores):
                  PostgreSQL floor: %.0f single-row commits/s (%.2f ms each)
                  one saga at a time (%d sagas): step cycle p50 %d ms, p99 %d ms
                  %d sagas at once: %.1f saga steps/s (%.1f s), step cycle p50 %d ms, p99 %d ms
                  saga steps/s are %.1f%% of the single-row commit rate
                """, Runtime.getRuntime().availableProcessors(), commitsPerSecond, 1000 / commitsPerSecond,
                SEQUENTIAL_SAGAS, percentile(aloneCycles, 50), percentile(aloneCycles, 99),
                CONCURRENT_SAGAS, stepsPerSecond, seconds, percentile(crowdCycles, 50), percentile(crowdCycles, 99),
                100 * stepsPerSecond / commitsPerSecond);
    }

    private String start(String triggerId) {
        return Http.JSON.readTree(http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/bench","type":"io.opencloud.demo.grant.requested.v1",
                 "data":{"resource":"s3://bench/%s","action":"read","ttlSeconds":60}}"""
                .formatted(triggerId, triggerId)).body()).get("sagaId").asString();
    }

    private void awaitCompleted(List<String> sagaIds) {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                jdbc.sql("SELECT count(*) FROM saga WHERE status = 'COMPLETED' AND saga_id = ANY (?)")
                        .param(sagaIds.toArray(String[]::new)).query(Integer.class).single() == sagaIds.size());
    }

    /** Milliseconds from each STEP_SENT to the saga's next STEP_SENT. */
    private List<Long> stepCycles(List<String> sagaIds) {
        List<Long> cycles = new ArrayList<>();
        for (String sagaId : sagaIds) {
            List<Instant> sent = jdbc.sql("""
                            SELECT at FROM saga_history WHERE saga_id = ? AND transition = 'STEP_SENT' ORDER BY id""")
                    .param(sagaId).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
            for (int i = 1; i < sent.size(); i++) {
                cycles.add(Duration.between(sent.get(i - 1), sent.get(i)).toMillis());
            }
        }
        Collections.sort(cycles);
        return cycles;
    }

    private double singleRowCommitRate(Duration duration) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TEMPORARY TABLE commit_floor (id bigint)");
            }
            connection.setAutoCommit(true);
            long commits = 0;
            long end = System.nanoTime() + duration.toNanos();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_floor VALUES (?)")) {
                while (System.nanoTime() < end) {
                    insert.setLong(1, commits++);
                    insert.executeUpdate();
                }
            }
            return commits / (duration.toNanos() / 1e9);
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
