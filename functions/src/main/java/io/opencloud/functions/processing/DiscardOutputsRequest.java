package io.opencloud.functions.processing;

/** The data of {@code io.opencloud.processing.discard.requested.v1}. */
public record DiscardOutputsRequest(OutputLocation output) {
}
