package io.opencloud.controlplane.saga;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.opencloud.controlplane.access.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saga rows, their steps and their append-only history in PostgreSQL. Every saga written is published as a
 * {@link SagaChanged}, in the writing transaction, so that what follows a saga's state changes with it or not at all.
 */
@Repository
public class SagaStore {

    private static final String SAGA_COLUMNS = """
            saga_id, saga_type, status, current_step, data::text, failure_reason, deadline, version, created_at,
            updated_at""";
    private static final String STEP_COLUMNS = """
            saga_id, step_index, name, status, attempts, compensation_attempts, operator_retries, command_id,
            started_at, ended_at, due_at, last_error""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    public SagaStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Inserts a new saga with its steps pending; false when its trigger had already started one. */
    public boolean insert(SagaRow saga, String triggerSource, String triggerId, List<String> stepNames,
                          Caller owner) {
        int inserted = jdbc.sql("""
                        INSERT INTO saga (saga_id, saga_type, status, current_step, data, trigger_source, trigger_id,
                            deadline, tenant, owner)
                        VALUES (?, ?, ?, 0, ?::jsonb, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(saga.sagaId(), saga.type(), saga.status().name(), json.writeValueAsString(saga.data()),
                        triggerSource, triggerId, Timestamp.from(saga.deadline()), owner.tenant(), owner.subject())
                .update();
        if (inserted == 0) {
            return false;
        }
        for (int i = 0; i < stepNames.size(); i++) {
            jdbc.sql("INSERT INTO saga_step (saga_id, step_index, name, status) VALUES (?, ?, ?, ?)")
                    .params(saga.sagaId(), i, stepNames.get(i), StepStatus.PENDING.name()).update();
        }
        events.publishEvent(new SagaChanged(saga));
        return true;
    }

    public Optional<String> sagaOfTrigger(String triggerSource, String triggerId) {
        return jdbc.sql("SELECT saga_id FROM saga WHERE trigger_source = ? AND trigger_id = ?")
                .params(triggerSource, triggerId).query(String.class).optional();
    }

    /** Reads the saga and locks it until the transaction ends, so its transitions happen one at a time. */
    public Optional<SagaRow> lock(String sagaId) {
        return jdbc.sql("SELECT " + SAGA_COLUMNS + " FROM saga WHERE saga_id = ? FOR UPDATE")
                .param(sagaId).query(this::saga).optional();
    }

    public Optional<SagaRow> find(String sagaId) {
        return jdbc.sql("SELECT " + SAGA_COLUMNS + " FROM saga WHERE saga_id = ?")
                .param(sagaId).query(this::saga).optional();
    }

    /** The tenant a saga belongs to. */
    public Optional<String> tenantOf(String sagaId) {
        return jdbc.sql("SELECT tenant FROM saga WHERE saga_id = ?").param(sagaId).query(String.class).optional();
    }

    /** The newest sagas, of one tenant or (empty) of all. */
    public List<SagaRow> list(Optional<String> tenant, Optional<SagaStatus> status, Optional<String> type,
                              Optional<String> triggerId, int limit) {
        return jdbc.sql("SELECT " + SAGA_COLUMNS + """
                         FROM saga
                        WHERE (?::text IS NULL OR tenant = ?)
                          AND (?::text IS NULL OR status = ?) AND (?::text IS NULL OR saga_type = ?)
                          AND (?::text IS NULL OR trigger_id = ?)
                        ORDER BY created_at DESC LIMIT ?""")
                .params(tenant.orElse(null), tenant.orElse(null), status.map(Enum::name).orElse(null),
                        status.map(Enum::name).orElse(null), type.orElse(null), type.orElse(null),
                        triggerId.orElse(null), triggerId.orElse(null), limit)
                .query(this::saga).list();
    }

    /** Writes the saga if nobody changed it since it was read; returns it with its new version. */
    public SagaRow update(SagaRow saga) {
        int updated = jdbc.sql("""
                        UPDATE saga SET status = ?, current_step = ?, data = ?::jsonb, failure_reason = ?,
                            version = version + 1, updated_at = now()
                        WHERE saga_id = ? AND version = ?""")
                .params(saga.status().name(), saga.currentStep(), json.writeValueAsString(saga.data()),
                        saga.failureReason(), saga.sagaId(), saga.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("saga " + saga.sagaId() + " changed since it was read");
        }
        SagaRow written = new SagaRow(saga.sagaId(), saga.type(), saga.status(), saga.currentStep(), saga.data(),
                saga.failureReason(), saga.deadline(), saga.version() + 1, saga.createdAt(), Instant.now());
        events.publishEvent(new SagaChanged(written));
        return written;
    }

    public List<StepRow> steps(String sagaId) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM saga_step WHERE saga_id = ? ORDER BY step_index")
                .param(sagaId).query(this::step).list();
    }

    public StepRow step(String sagaId, int index) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM saga_step WHERE saga_id = ? AND step_index = ?")
                .params(sagaId, index).query(this::step).single();
    }

    public void update(StepRow step) {
        jdbc.sql("""
                        UPDATE saga_step SET status = ?, attempts = ?, compensation_attempts = ?, operator_retries = ?,
                            command_id = ?, started_at = ?, ended_at = ?, due_at = ?, last_error = ?
                        WHERE saga_id = ? AND step_index = ?""")
                .params(step.status().name(), step.attempts(), step.compensationAttempts(), step.operatorRetries(),
                        step.commandId(),
                        timestamp(step.startedAt()), timestamp(step.endedAt()), timestamp(step.dueAt()),
                        step.lastError(), step.sagaId(), step.index())
                .update();
    }

    /** Steps whose command timed out or whose next attempt is due, oldest first. */
    public List<StepRow> dueSteps(Instant now, int limit) {
        return jdbc.sql("SELECT " + STEP_COLUMNS + " FROM saga_step WHERE due_at <= ? ORDER BY due_at LIMIT ?")
                .params(Timestamp.from(now), limit).query(this::step).list();
    }

    /**
     * Gives every command still in flight of this saga type and step at least {@code timeout} from now: used at
     * start-up, so the time a control plane was down does not count against the replies waiting for it in Kafka.
     */
    public int extendInFlight(String sagaType, int stepIndex, Duration timeout) {
        return jdbc.sql("""
                        UPDATE saga_step st SET due_at = greatest(st.due_at, now() + ? * interval '1 millisecond')
                        FROM saga s
                        WHERE s.saga_id = st.saga_id AND s.saga_type = ? AND st.step_index = ?
                          AND st.status IN ('RUNNING', 'COMPENSATING')""")
                .params(timeout.toMillis(), sagaType, stepIndex).update();
    }

    public List<String> runningPastDeadline(Instant now, int limit) {
        return jdbc.sql("SELECT saga_id FROM saga WHERE status = 'RUNNING' AND deadline <= ? ORDER BY deadline LIMIT ?")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    public void record(String sagaId, String transition, Integer step, String eventId, String eventType,
                       String detail) {
        jdbc.sql("""
                        INSERT INTO saga_history (saga_id, transition, step_index, event_id, event_type, detail)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(sagaId, transition, step, eventId, eventType, detail).update();
    }

    public List<HistoryEntry> history(String sagaId, long afterId) {
        return jdbc.sql("""
                        SELECT id, at, transition, step_index, event_id, event_type, detail FROM saga_history
                        WHERE saga_id = ? AND id > ? ORDER BY id""")
                .params(sagaId, afterId)
                .query((rs, n) -> new HistoryEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private SagaRow saga(ResultSet rs, int row) throws SQLException {
        return new SagaRow(rs.getString(1), rs.getString(2), SagaStatus.valueOf(rs.getString(3)), rs.getInt(4),
                json.readTree(rs.getString(5)), rs.getString(6), instant(rs.getTimestamp(7)), rs.getLong(8),
                instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)));
    }

    private StepRow step(ResultSet rs, int row) throws SQLException {
        return new StepRow(rs.getString(1), rs.getInt(2), rs.getString(3), StepStatus.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
