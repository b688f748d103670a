package io.opencloud.functions.demo;

import io.opencloud.functions.CommandHeaders.CommandId;
import io.opencloud.functions.NoReplyException;
import io.opencloud.functions.OperationFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the demonstration functions did, per saga and step, so tests can prove no effect happened twice. */
@Repository
public class DemoSteps {

    /** A step's outcome when asked to do it. */
    public enum Effect { DONE_NOW, ALREADY_DONE, ALREADY_UNDONE }

    private final JdbcClient jdbc;

    public DemoSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which attempt this command is for the step: 1 for the first distinct command, and the same number again when
     * the same command is redelivered.
     */
    public int attemptOf(CommandId command, String sagaId, String step, String kind) {
        jdbc.sql("""
                        INSERT INTO demo_command (command_source, command_id, saga_id, step, kind)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (command_source, command_id) DO NOTHING""")
                .params(command.source(), command.id(), sagaId, step, kind).update();
        return jdbc.sql("""
                        SELECT count(*) FROM demo_command c
                        WHERE c.saga_id = ? AND c.step = ? AND c.kind = ?
                          AND c.seq <= (SELECT seq FROM demo_command WHERE command_source = ? AND command_id = ?)""")
                .params(sagaId, step, kind, command.source(), command.id())
                .query(Integer.class).single();
    }

    /**
     * Fails the attempt when the script says so: the first {@code failTimes} attempts fail, or with {@code silent}
     * go unanswered.
     */
    public static void failIfScripted(int attempt, int failTimes, boolean silent) {
        if (attempt <= failTimes) {
            String why = "scripted failure " + attempt + " of " + failTimes;
            throw silent ? new NoReplyException(why) : new OperationFailedException(why, true);
        }
    }

    public Effect doStep(String sagaId, String step) {
        int inserted = jdbc.sql("""
                        INSERT INTO demo_step_effect (saga_id, step, done_at) VALUES (?, ?, now())
                        ON CONFLICT (saga_id, step) DO NOTHING""")
                .params(sagaId, step).update();
        if (inserted == 1) {
            return Effect.DONE_NOW;
        }
        boolean undone = jdbc.sql("SELECT undone_at IS NOT NULL FROM demo_step_effect WHERE saga_id = ? AND step = ?")
                .params(sagaId, step).query(Boolean.class).single();
        return undone ? Effect.ALREADY_UNDONE : Effect.ALREADY_DONE;
    }

    /** Undoes the step, or leaves a tombstone when it never happened; returns whether there was an effect. */
    public boolean undo(String sagaId, String step) {
        jdbc.sql("""
                        INSERT INTO demo_step_effect (saga_id, step, undone_at) VALUES (?, ?, now())
                        ON CONFLICT (saga_id, step) DO UPDATE SET undone_at = coalesce(demo_step_effect.undone_at, now())""")
                .params(sagaId, step).update();
        return jdbc.sql("SELECT done_at IS NOT NULL FROM demo_step_effect WHERE saga_id = ? AND step = ?")
                .params(sagaId, step).query(Boolean.class).single();
    }
}
