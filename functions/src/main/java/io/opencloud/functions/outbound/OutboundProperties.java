package io.opencloud.functions.outbound;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opencloud.outbound}: where the control plane may send requests besides the public internet.
 *
 * @param allowedHosts hosts (or {@code host:port}) at loopback, private or link-local addresses that may be called
 *                     all the same; the endpoints of configured credential sets and the configured STAC catalog are
 *                     allowed without being listed, since the operator chose them
 */
@ConfigurationProperties("opencloud.outbound")
public record OutboundProperties(List<String> allowedHosts) {

    public OutboundProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
