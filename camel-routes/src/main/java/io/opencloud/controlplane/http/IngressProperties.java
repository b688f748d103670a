package io.opencloud.controlplane.http;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of {@code POST /events}: the largest request accepted, and the origins allowed by the CloudEvents webhook
 * abuse-protection handshake ({@code *} allows any).
 */
@ConfigurationProperties("opencloud.ingress")
public record IngressProperties(@DefaultValue("262144") int maxRequestBytes,
                                @DefaultValue("*") List<String> allowedOrigins,
                                @DefaultValue("*") String allowedRate) {
}
