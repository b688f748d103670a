package io.opencloud.functions.storage;

/** The data of {@code io.opencloud.storage.remove.completed.v1}. */
public record ObjectsRemoved(int deleted) {
}
