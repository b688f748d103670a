package io.opencloud.functions.market;

/** An IMAGE app's bytes, stored in its marketplace. */
public record ImageUploaded(String appId, long sizeBytes, String sha256) {
}
