package io.opencloud.functions.sentinel;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.Http;
import io.opencloud.functions.OperationFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Hands out presigned S3 GET URLs for every staged asset of a live reservation, valid for a set time that may not
 * outlast the reservation (an URL must not outlive the scenes it points at): a longer validity is refused, or, when the
 * request says {@code clipToReservation}, cut to the reservation's end.
 *
 * <p>Consumes {@code io.opencloud.sentinel.urls.requested.v1}; produces
 * {@code io.opencloud.sentinel.urls.completed.v1}, or {@code io.opencloud.sentinel.urls.failed.v1} for a reservation
 * that does not exist, was released or expired, or a validity out of range. Idempotent: it only reads and signs.
 */
@Component("imageUrls")
public class ImageUrlsFunction implements Function<ImageUrlsRequest, ImageUrls> {

    /** S3 signatures version 4 cannot be valid for longer. */
    private static final long MAX_VALIDITY_SECONDS = Duration.ofDays(7).toSeconds();

    private final ReservationStore store;
    private final MinioClient s3;
    private final Clock clock = Clock.systemUTC();

    public ImageUrlsFunction(ReservationStore store, MinioClient s3) {
        this.store = store;
        this.s3 = s3;
    }

    @Override
    public ImageUrls apply(ImageUrlsRequest request) {
        ReservationRow reservation = live(request.reservationId());
        long validFor = request.validForSeconds() == null ? 0 : request.validForSeconds();
        if (validFor < 1 || validFor > MAX_VALIDITY_SECONDS) {
            throw new OperationFailedException("validForSeconds " + request.validForSeconds()
                    + " is out of range: 1 to " + MAX_VALIDITY_SECONDS, false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long untilReservationEnds = Duration.between(now, reservation.expiresAt()).toSeconds();
        if (Boolean.TRUE.equals(request.clipToReservation()) && validFor > untilReservationEnds) {
            validFor = Math.max(1, untilReservationEnds);
        }
        Instant expiresAt = now.plusSeconds(validFor);
        if (expiresAt.isAfter(reservation.expiresAt())) {
            throw new OperationFailedException("URLs valid for " + validFor + " s would outlive reservation "
                    + reservation.reservationId() + ", which expires at " + reservation.expiresAt() + "; at most "
                    + untilReservationEnds + " s", false);
        }
        int seconds = (int) validFor;
        List<ImageUrls.SceneUrls> scenes = reservation.staged().stream().map(scene -> new ImageUrls.SceneUrls(
                scene.id(), scene.objects().stream().map(object -> new ImageUrls.AssetUrl(object.asset(),
                        presign(object, seconds), object.sha256(), object.size())).toList())).toList();
        return new ImageUrls(reservation.reservationId(), expiresAt, scenes);
    }

    private ReservationRow live(String reservationId) {
        ReservationIds.requireWellFormed(reservationId);
        ReservationRow row = store.find(reservationId).orElseThrow(() -> new OperationFailedException(
                "there is no reservation " + reservationId, false));
        switch (row.status()) {
            case RELEASED -> throw new OperationFailedException("reservation " + reservationId + " was released at "
                    + row.releasedAt() + " (" + row.releaseReason() + "); no URL is handed out for it", false);
            case STAGING -> throw new OperationFailedException("reservation " + reservationId
                    + " is still being staged", true);
            case RESERVED -> {
                if (!row.expiresAt().isAfter(clock.instant())) {
                    throw new OperationFailedException("reservation " + reservationId + " expired at "
                            + row.expiresAt() + "; no URL is handed out for it", false);
                }
            }
        }
        return row;
    }

    private String presign(StagedObject object, int seconds) {
        return call("signing a URL for " + object.bucket() + "/" + object.key(), () -> s3.getPresignedObjectUrl(
                GetPresignedObjectUrlArgs.builder().method(Http.Method.GET).bucket(object.bucket()).object(object.key())
                        .expiry(seconds).build()));
    }
}
