package io.opencloud.functions.storage;

import java.util.List;

/** The data of {@code io.opencloud.storage.push.completed.v1}. */
public record ObjectsPushed(String endpoint, String bucket, List<Pushed> objects) {

    /** One object as written and verified at the destination. */
    public record Pushed(String key, long size, String sha256, boolean multipart, String etag) {
    }
}
