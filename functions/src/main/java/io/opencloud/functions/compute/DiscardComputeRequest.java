package io.opencloud.functions.compute;

/** Discard what the command's saga created; the reason is for the log. */
public record DiscardComputeRequest(String reason) {
}
