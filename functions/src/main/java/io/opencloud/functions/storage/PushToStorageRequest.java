package io.opencloud.functions.storage;

import java.util.List;

/** The data of {@code io.opencloud.storage.push.requested.v1}. */
public record PushToStorageRequest(List<SourceObject> objects, Destination destination) {

    /** An object of the control plane's own store, the digest it must have, and its name at the destination. */
    public record SourceObject(String bucket, String key, String sha256, String name, String contentType) {
    }
}
