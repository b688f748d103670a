package io.opencloud.functions.sentinel;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.sentinel}: the bucket scenes are staged into, which of a scene's assets are staged, and the
 * longest a reservation may last.
 */
@ConfigurationProperties("opencloud.sentinel")
public record SentinelProperties(@DefaultValue("opencloud-sentinel") String stagingBucket,
                                 @DefaultValue("visual") List<String> assets,
                                 @DefaultValue("P7D") Duration maxReservation) {
}
