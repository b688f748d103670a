package io.opencloud.controlplane.access;

import java.time.Instant;
import java.util.List;

/**
 * A tenant: a group of people and machines whose work and resources are theirs alone.
 *
 * @param resources the resource prefixes its members may be granted macaroons for ({@code s3://results/}); the
 *                  empty prefix covers every resource
 */
public record Tenant(String name, List<String> resources, String createdBy, Instant createdAt) {

    /** Whether {@code resource} lies at or below one of the tenant's prefixes. */
    public boolean owns(String resource) {
        return resources.stream().anyMatch(prefix -> prefix.isEmpty() || resource.equals(prefix)
                || resource.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }
}
