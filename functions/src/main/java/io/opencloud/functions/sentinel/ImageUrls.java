package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;

/** The data of {@code io.opencloud.sentinel.urls.completed.v1}: one presigned URL per staged asset. */
public record ImageUrls(String reservationId, Instant expiresAt, List<SceneUrls> scenes) {

    /** A scene's presigned asset URLs. */
    public record SceneUrls(String id, List<AssetUrl> assets) {
    }

    /** One asset's presigned GET URL, with what the bytes behind it must be. */
    public record AssetUrl(String asset, String url, String sha256, long size) {
    }
}
