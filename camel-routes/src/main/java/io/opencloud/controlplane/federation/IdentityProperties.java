package io.opencloud.controlplane.federation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.identity}: the name and public endpoint a control plane takes on its first start, until the admin
 * API changes them.
 */
@ConfigurationProperties("opencloud.identity")
public record IdentityProperties(@DefaultValue("opencloud") String name,
                                 @DefaultValue("http://localhost:8080") String endpoint) {
}
