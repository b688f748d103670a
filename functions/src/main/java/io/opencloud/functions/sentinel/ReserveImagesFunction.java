package io.opencloud.functions.sentinel;

import io.opencloud.functions.OperationFailedException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reserves Sentinel scenes for one execution until an expiry and stages their assets into S3, where they stay until
 * the reservation is released or expires.
 *
 * <p>Consumes {@code io.opencloud.sentinel.reserve.requested.v1}; produces
 * {@code io.opencloud.sentinel.reserve.completed.v1}, or {@code io.opencloud.sentinel.reserve.failed.v1} naming the
 * scenes that do not exist, an expiry in the past or too far ahead, or a reservation already released. Idempotent:
 * the reservation id is derived from the execution, so a repeated request returns the same reservation, and a
 * staging cut short is completed; once released, a reservation is never staged again.
 */
@Component("reserveImages")
public class ReserveImagesFunction implements Function<ReserveImagesRequest, Reservation> {

    private final StacClient stac;
    private final ReservationStore store;
    private final SceneStaging staging;
    private final SentinelProperties properties;
    private final Clock clock;

    @Autowired
    public ReserveImagesFunction(StacClient stac, ReservationStore store, SceneStaging staging,
                                 SentinelProperties properties) {
        this(stac, store, staging, properties, Clock.systemUTC());
    }

    ReserveImagesFunction(StacClient stac, ReservationStore store, SceneStaging staging, SentinelProperties properties,
                          Clock clock) {
        this.stac = stac;
        this.store = store;
        this.staging = staging;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Reservation apply(ReserveImagesRequest request) {
        String collection = Collections.orDefault(request.collection());
        List<String> sceneIds = checked(request);
        String reservationId = ReservationIds.of(request.execution());
        Optional<ReservationRow> existing = store.find(reservationId);
        if (existing.isPresent()) {
            ReservationRow row = existing.get();
            refuseReleased(row);
            if (!new HashSet<>(row.sceneIds()).equals(new HashSet<>(sceneIds))) {
                throw new OperationFailedException("execution " + request.execution() + " already holds reservation "
                        + reservationId + " of other scenes " + row.sceneIds(), false);
            }
            if (row.status() == ReservationStatus.RESERVED) {
                return row.toReservation();
            }
        }
        List<Scene> scenes = lookUp(collection, sceneIds);
        store.beginStaging(reservationId, request.execution(), collection, sceneIds, request.expiresAt());
        refuseReleased(store.find(reservationId).orElseThrow());
        List<StagedScene> staged = new ArrayList<>();
        for (Scene scene : scenes) {
            staged.add(staging.stage(reservationId, scene));
        }
        if (!store.completeStaging(reservationId, staged)) {
            staging.unstage(reservationId);
            refuseReleased(store.find(reservationId).orElseThrow());
        }
        return store.find(reservationId).orElseThrow().toReservation();
    }

    private List<String> checked(ReserveImagesRequest request) {
        if (request.execution() == null || request.execution().isBlank()) {
            throw new OperationFailedException("a reservation needs an execution to hold it", false);
        }
        if (request.scenes() == null || request.scenes().isEmpty()) {
            throw new OperationFailedException("there is no scene to reserve", false);
        }
        Instant now = clock.instant();
        if (request.expiresAt() == null || !request.expiresAt().isAfter(now)) {
            throw new OperationFailedException("expiresAt " + request.expiresAt() + " is not in the future (now is "
                    + now + ")", false);
        }
        Instant latest = now.plus(properties.maxReservation());
        if (request.expiresAt().isAfter(latest)) {
            throw new OperationFailedException("expiresAt " + request.expiresAt() + " is further ahead than the longest"
                    + " reservation, " + properties.maxReservation() + " (until " + latest + ")", false);
        }
        return request.scenes().stream().distinct().toList();
    }

    private List<Scene> lookUp(String collection, List<String> sceneIds) {
        List<Scene> scenes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : sceneIds) {
            stac.item(collection, id).ifPresentOrElse(scenes::add, () -> missing.add(id));
        }
        if (!missing.isEmpty()) {
            throw new OperationFailedException("no such scene in collection " + collection + ": "
                    + String.join(", ", missing), false);
        }
        List<String> bare = scenes.stream()
                .filter(scene -> properties.assets().stream().noneMatch(scene.assets()::containsKey))
                .map(Scene::id).toList();
        if (!bare.isEmpty()) {
            throw new OperationFailedException("scene(s) " + String.join(", ", bare) + " have none of the assets "
                    + properties.assets() + " to stage", false);
        }
        return scenes;
    }

    private static void refuseReleased(ReservationRow row) {
        if (row.status() == ReservationStatus.RELEASED) {
            throw new OperationFailedException("reservation " + row.reservationId() + " was released at "
                    + row.releasedAt() + " (" + row.releaseReason() + ") and cannot be made again", false);
        }
    }
}
