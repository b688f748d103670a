package io.opencloud.functions.market;

/**
 * A marketplace ({@code marketplace}): a bucket on an S3 endpoint reached with a named credential set
 * ({@code opencloud.storage.credentials.<name>}, or {@code local} for the control plane's own object store).
 */
public record MarketplaceRecord(String marketplaceId, String name, String description, String bucket,
                                String credentials, String endpoint) {
}
