package io.opencloud.functions.sentinel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reservations of Sentinel scenes in PostgreSQL ({@code sentinel_reservation}). */
@Repository
class ReservationStore {

    private static final TypeReference<List<String>> IDS = new TypeReference<>() { };
    private static final TypeReference<List<StagedScene>> SCENES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReservationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReservationRow> find(String reservationId) {
        return jdbc.sql("SELECT * FROM sentinel_reservation WHERE reservation_id = ?")
                .param(UUID.fromString(reservationId)).query(this::row).optional();
    }

    /** Records that staging begins, unless the reservation exists already (or a release barred it). */
    void beginStaging(String reservationId, String execution, String collection, List<String> sceneIds,
                      Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO sentinel_reservation (reservation_id, execution, collection, scene_ids, status, expires_at)
                        VALUES (?, ?, ?, ?::jsonb, 'STAGING', ?) ON CONFLICT (reservation_id) DO NOTHING""")
                .params(UUID.fromString(reservationId), execution, collection, json.writeValueAsString(sceneIds),
                        Timestamp.from(expiresAt))
                .update();
    }

    /** @return false when the reservation was released while its assets were being staged */
    boolean completeStaging(String reservationId, List<StagedScene> staged) {
        return jdbc.sql("""
                        UPDATE sentinel_reservation SET status = 'RESERVED', staged = ?::jsonb
                        WHERE reservation_id = ? AND status = 'STAGING'""")
                .params(json.writeValueAsString(staged), UUID.fromString(reservationId)).update() == 1;
    }

    /**
     * Marks the reservation released, or bars one that was never made with a released tombstone.
     *
     * @return whether a live (staging or reserved) reservation was released by this call
     */
    boolean release(String reservationId, String reason) {
        UUID id = UUID.fromString(reservationId);
        int released = jdbc.sql("""
                        UPDATE sentinel_reservation SET status = 'RELEASED', released_at = now(), release_reason = ?
                        WHERE reservation_id = ? AND status <> 'RELEASED'""")
                .params(reason, id).update();
        if (released == 0) {
            jdbc.sql("""
                            INSERT INTO sentinel_reservation (reservation_id, status, released_at, release_reason)
                            VALUES (?, 'RELEASED', now(), ?) ON CONFLICT (reservation_id) DO NOTHING""")
                    .params(id, reason).update();
        }
        return released == 1;
    }

    /** Live reservations whose expiry has passed, oldest first. */
    List<String> expired(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT reservation_id FROM sentinel_reservation
                        WHERE status <> 'RELEASED' AND expires_at <= ? ORDER BY expires_at LIMIT ?""")
                .params(Timestamp.from(now), limit).query(String.class).list();
    }

    private ReservationRow row(ResultSet rs, int rowNum) throws SQLException {
        String sceneIds = rs.getString("scene_ids");
        String staged = rs.getString("staged");
        Timestamp expiresAt = rs.getTimestamp("expires_at");
        Timestamp releasedAt = rs.getTimestamp("released_at");
        return new ReservationRow(rs.getString("reservation_id"), rs.getString("execution"),
                rs.getString("collection"), sceneIds == null ? List.of() : json.readValue(sceneIds, IDS),
                ReservationStatus.valueOf(rs.getString("status")), expiresAt == null ? null : expiresAt.toInstant(),
                staged == null ? List.of() : json.readValue(staged, SCENES),
                releasedAt == null ? null : releasedAt.toInstant(), rs.getString("release_reason"));
    }
}
