package io.opencloud.functions.processing;

/** The data of {@code io.opencloud.processing.discard.completed.v1}. */
public record OutputsDiscarded(int deleted) {
}
