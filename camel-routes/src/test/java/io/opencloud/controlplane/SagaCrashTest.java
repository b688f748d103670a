package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a control plane in its own process, on the embedded default, runs a few hundred sagas and is
 * killed with SIGKILL at random moments, then restarted on the same data directory each time. Every saga must reach
 * the final state its script leads to, none may start twice, no transition may happen twice, and no demonstration
 * step may take effect twice.
 *
 * <p>Not part of {@code ./mvnw verify} (tag {@code crash}): it takes minutes. Run it with
 * {@code ./mvnw -Pcrash -pl camel-routes -am verify}; it prints its figures.
 */
@Tag("crash")
class SagaCrashTest {

    private static final int SAGAS = Integer.getInteger("crash.sagas", 240);
    private static final int KILLS = Integer.getInteger("crash.kills", 4);
    @TempDir
    Path dataDir;

    private final Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
    private CrashablePlane plane;

    @Test
    void sagasSurviveRepeatedSigkillWithNothingLostOrDoneTwice() throws Exception {
        plane = new CrashablePlane(dataDir);
        long started = System.nanoTime();

        plane.start();
        Map<String, String> expected = new HashMap<>();
        List<Integer> inFlightAtKills = new ArrayList<>();
        // Sagas go in waves, each submitted as fast as the API takes them; the control plane is killed a random
        // moment after each wave but the last, while the wave's sagas are still running.
        int wave = SAGAS / (KILLS + 1);
        for (int i = 0; i < SAGAS; i++) {
            String script = switch (i % 10) {
                case 0 -> "{\"check\":{\"failTimes\":9}}";
                case 1, 2 -> "{\"reserve\":{\"failTimes\":1}}";
                default -> "{}";
            };
            String triggerId = "crash-" + i;
            String sagaId = submit(triggerId, script);
            expected.put(sagaId, i % 10 == 0 ? "COMPENSATED" : "COMPLETED");
            if ((i + 1) % wave == 0 && inFlightAtKills.size() < KILLS) {
                Thread.sleep(random.nextInt(800));
                inFlightAtKills.add(i + 1 - finalSagas());
                plane.killAndRestart();
            }
        }
        int kills = inFlightAtKills.size();

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> finalSagas() == SAGAS);
        CrashFigures figures = check(expected);
        plane.stop();

        System.out.printf("crash test: %d sagas, %d SIGKILLs (sagas not yet final at each: %s), %d lost, %d started twice, %d transitions applied twice,"
                        + " %d demo effects done twice, %d sagas in an unexpected state; %d step commands sent, "
                        + "%.0f s in all%n", SAGAS, kills, inFlightAtKills, figures.lost(), figures.startedTwice(),
                figures.transitionsTwice(), figures.effectsTwice(), figures.unexpected(), figures.commands(),
                (System.nanoTime() - started) / 1e9);
        assertThat(figures.lost()).isZero();
        assertThat(figures.startedTwice()).isZero();
        assertThat(figures.transitionsTwice()).isZero();
        assertThat(figures.effectsTwice()).isZero();
        assertThat(figures.unexpected()).isZero();
    }

    /** What the database says after the last restart. */
    record CrashFigures(int lost, int startedTwice, int transitionsTwice, int effectsTwice, int unexpected,
                        int commands) {
    }

    private String submit(String triggerId, String script) {
        return plane.submit("""
                {"specversion":"1.0","id":"%s","source":"/tests/crash","type":"io.opencloud.demo.grant.requested.v1",
                 "data":{"resource":"s3://crash/%s","action":"read","ttlSeconds":600,"script":%s}}"""
                .formatted(triggerId, triggerId, script));
    }

    private int finalSagas() throws SQLException {
        return plane.count("SELECT count(*) FROM saga WHERE status IN ('COMPLETED', 'COMPENSATED')");
    }

    private CrashFigures check(Map<String, String> expected) throws SQLException {
        try (Connection c = plane.database()) {
            int finals = count(c, "SELECT count(*) FROM saga WHERE status IN ('COMPLETED', 'COMPENSATED')");
            int startedTwice = count(c, "SELECT count(*) - count(DISTINCT (trigger_source, trigger_id)) FROM saga");
            // A transition applied twice: the same command sent twice, or a step, a saga, completed twice.
            int transitionsTwice = count(c, """
                    SELECT count(*) FROM (SELECT 1 FROM saga_history
                        WHERE transition IN ('STEP_SENT', 'COMPENSATION_SENT')
                        GROUP BY saga_id, step_index, event_id HAVING count(*) > 1) sent_twice""")
                    + count(c, """
                    SELECT count(*) FROM (SELECT 1 FROM saga_history
                        WHERE transition IN ('STARTED', 'STEP_COMPLETED', 'COMPENSATION_COMPLETED', 'COMPLETED',
                                             'COMPENSATED')
                        GROUP BY saga_id, step_index, transition HAVING count(*) > 1) done_twice""");
            // An effect done twice: more macaroons, or more distinct demo commands, than the step sent commands.
            int effectsTwice = count(c, """
                    SELECT count(*) FROM saga_step st
                    WHERE st.step_index = 0
                      AND (SELECT count(*) FROM issued_macaroon m WHERE m.saga_id = st.saga_id) > st.attempts""")
                    + count(c, """
                    SELECT count(*) FROM saga_step st
                    WHERE (SELECT count(*) FROM demo_command d
                           WHERE d.saga_id = st.saga_id AND d.step = st.name AND d.kind = 'step') > st.attempts""");
            int unexpected = 0;
            for (Map.Entry<String, String> saga : expected.entrySet()) {
                try (PreparedStatement statement = c.prepareStatement("SELECT status FROM saga WHERE saga_id = ?")) {
                    statement.setString(1, saga.getKey());
                    try (ResultSet rs = statement.executeQuery()) {
                        if (!rs.next() || !rs.getString(1).equals(saga.getValue())) {
                            unexpected++;
                        }
                    }
                }
            }
            // A completed saga has both demonstration effects, done and not undone; a compensated one has none left.
            unexpected += count(c, """
                    SELECT count(*) FROM saga s WHERE s.status = 'COMPLETED' AND (SELECT count(*) FROM demo_step_effect e
                        WHERE e.saga_id = s.saga_id AND e.done_at IS NOT NULL AND e.undone_at IS NULL) <> 2""")
                    + count(c, """
                    SELECT count(*) FROM saga s WHERE s.status = 'COMPENSATED' AND EXISTS (SELECT 1 FROM demo_step_effect e
                        WHERE e.saga_id = s.saga_id AND e.done_at IS NOT NULL AND e.undone_at IS NULL)""");
            int commands = count(c, "SELECT count(*) FROM saga_history WHERE transition IN ('STEP_SENT', 'COMPENSATION_SENT')");
            return new CrashFigures(SAGAS - finals, startedTwice, transitionsTwice, effectsTwice, unexpected, commands);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
