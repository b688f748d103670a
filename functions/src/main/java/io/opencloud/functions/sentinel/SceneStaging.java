package io.opencloud.functions.sentinel;

import io.minio.MinioClient;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Buckets;
import io.opencloud.functions.s3.Sha256;
import io.opencloud.functions.web.HttpDownloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Copies a reservation's scene assets from the catalog into the staging bucket, under
 * {@code reservations/<reservation id>/<scene id>/<file name>}, and deletes them again on release. Keys depend only
 * on the reservation, scene and asset, so staging again after a crash overwrites rather than duplicates.
 */
@Component
class SceneStaging {

    private final MinioClient s3;
    private final SentinelProperties properties;
    private final HttpDownloads downloads;

    SceneStaging(MinioClient s3, SentinelProperties properties, HttpDownloads downloads) {
        this.s3 = s3;
        this.properties = properties;
        this.downloads = downloads;
    }

    StagedScene stage(String reservationId, Scene scene) {
        Buckets.ensure(s3, properties.stagingBucket());
        List<StagedObject> objects = new ArrayList<>();
        for (String name : properties.assets()) {
            SceneAsset asset = scene.assets().get(name);
            if (asset != null) {
                objects.add(stage(reservationId, scene.id(), name, asset));
            }
        }
        return new StagedScene(scene.id(), scene.datetime(), objects);
    }

    /** @return how many staged objects were deleted */
    int unstage(String reservationId) {
        return Buckets.deletePrefix(s3, properties.stagingBucket(), ReservationIds.stagingPrefix(reservationId),
                key -> true);
    }

    private StagedObject stage(String reservationId, String sceneId, String name, SceneAsset asset) {
        URI href = URI.create(asset.href());
        String file = href.getPath().substring(href.getPath().lastIndexOf('/') + 1);
        String key = ReservationIds.stagingPrefix(reservationId) + sceneId + "/" + file;
        String contentType = asset.type() == null ? "application/octet-stream" : asset.type();
        Path download = null;
        try {
            download = Files.createTempFile("opencloud-scene-", ".part");
            String what = "asset " + name + " of scene " + sceneId + " at " + href;
            int status = downloads.toFile(href, download, what);
            if (status != 200) {
                throw new OperationFailedException(what + " could not be read: HTTP " + status, status >= 500);
            }
            Buckets.upload(s3, properties.stagingBucket(), key, download, contentType);
            return new StagedObject(name, properties.stagingBucket(), key, Files.size(download), Sha256.of(download),
                    contentType);
        } catch (IOException e) {
            throw new OperationFailedException("asset " + name + " of scene " + sceneId + " could not be staged: " + e,
                    true, e);
        } finally {
            deleteQuietly(download);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
