package io.opencloud.controlplane.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each schedule's last tick dealt with, and the ticks it fired. */
@Repository
public class ScheduleStore {

    private final JdbcClient jdbc;

    public ScheduleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A schedule seen for the first time starts counting now: ticks from before it was configured never fire. */
    public void register(String schedule, Instant now) {
        jdbc.sql("""
                        INSERT INTO schedule_state (schedule, last_tick, ping_salt, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (schedule) DO NOTHING""")
                .params(schedule, Timestamp.from(now), UUID.randomUUID().toString(), Timestamp.from(now)).update();
    }

    public Map<String, Instant> lastTicks() {
        return jdbc.sql("SELECT schedule, last_tick FROM schedule_state")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The schedule's state, locked until the transaction ends, so that only one firer deals with the next ticks. */
    public Optional<State> lock(String schedule) {
        return jdbc.sql("SELECT last_tick, ping_salt FROM schedule_state WHERE schedule = ? FOR UPDATE")
                .param(schedule).query((rs, n) -> new State(rs.getTimestamp(1).toInstant(), rs.getString(2)))
                .optional();
    }

    /** The last tick dealt with, and the salt of the schedule's ping ids. */
    public record State(Instant lastTick, String pingSalt) {
    }

    public void advance(String schedule, Instant lastTick, Instant now) {
        jdbc.sql("UPDATE schedule_state SET last_tick = ?, updated_at = ? WHERE schedule = ?")
                .params(Timestamp.from(lastTick), Timestamp.from(now), schedule).update();
    }

    public void recordFiring(String schedule, TickPlan.Tick tick, String eventId, Instant now) {
        jdbc.sql("INSERT INTO schedule_firing (schedule, tick_at, event_id, fired_at, late) VALUES (?, ?, ?, ?, ?)")
                .params(schedule, Timestamp.from(tick.at()), eventId, Timestamp.from(now), tick.late()).update();
    }

    public List<Firing> recentFirings(String schedule, int limit) {
        return jdbc.sql("""
                        SELECT tick_at, event_id, fired_at, late FROM schedule_firing WHERE schedule = ?
                        ORDER BY tick_at DESC LIMIT ?""")
                .params(schedule, limit)
                .query((rs, n) -> new Firing(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .list();
    }

    /** Forgets firings older than {@code before}; the last tick alone keeps a tick from firing twice. */
    public int pruneFirings(Instant before) {
        return jdbc.sql("DELETE FROM schedule_firing WHERE fired_at < ?").param(Timestamp.from(before)).update();
    }

    /** One tick fired: when it was due, the ping it emitted, when it went out, and whether by catch-up. */
    public record Firing(Instant tick, String eventId, Instant firedAt, boolean late) {
    }
}
