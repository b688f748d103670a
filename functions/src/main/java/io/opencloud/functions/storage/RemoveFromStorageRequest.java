package io.opencloud.functions.storage;

import java.util.List;

/** The data of {@code io.opencloud.storage.remove.requested.v1}. */
public record RemoveFromStorageRequest(List<String> names, Destination destination) {
}
