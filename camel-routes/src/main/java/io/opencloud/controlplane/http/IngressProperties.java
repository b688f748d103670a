package io.opencloud.controlplane.http;

import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of {@code POST /events} (and of {@code POST /hooks/{source}}).
 *
 * @param maxRequestBytes the largest request accepted
 * @param allowedOrigins  the origins the CloudEvents webhook handshake admits ({@code *} admits any)
 * @param allowedRate     requests per minute each origin may send, {@code *} for no limit; announced in the
 *                        handshake as {@code WebHook-Allowed-Rate}
 * @param originRates     a different rate for some origins, by origin
 * @param kafka           whom the events on {@code opencloud.ingress} are taken from: Kafka tells a consumer nothing
 *                        of a record's producer, so the deployment restricts who may write the topic (SASL or mTLS
 *                        with topic ACLs) and names that principal's tenant and role here
 */
@ConfigurationProperties("opencloud.ingress")
public record IngressProperties(@DefaultValue("262144") int maxRequestBytes,
                                @DefaultValue("*") List<String> allowedOrigins,
                                @DefaultValue("*") String allowedRate,
                                Map<String, Integer> originRates, KafkaDoor kafka) {

    public static final String UNLIMITED = "*";

    /** The principal of the Kafka door: a member of the platform tenant unless configured otherwise. */
    public record KafkaDoor(@DefaultValue(Caller.PLATFORM_TENANT) String tenant, @DefaultValue("MEMBER") Role role) {
    }

    public IngressProperties {
        originRates = originRates == null ? Map.of() : Map.copyOf(originRates);
        kafka = kafka != null ? kafka : new KafkaDoor(Caller.PLATFORM_TENANT, Role.MEMBER);
        if (!allowedRate.equals(UNLIMITED) && !allowedRate.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalStateException("opencloud.ingress.allowed-rate must be * or a number of requests per"
                    + " minute, not \"" + allowedRate + "\"");
        }
        originRates.forEach((origin, rate) -> {
            if (rate == null || rate < 1) {
                throw new IllegalStateException("opencloud.ingress.origin-rates[" + origin + "] must be at least 1");
            }
        });
    }

    public boolean allows(String origin) {
        return allowedOrigins.contains(UNLIMITED) || allowedOrigins.contains(origin);
    }

    /** Requests per minute the origin may send, or null for no limit. */
    public Integer rateOf(String origin) {
        Integer rate = origin == null ? null : originRates.get(origin);
        if (rate != null) {
            return rate;
        }
        return allowedRate.equals(UNLIMITED) ? null : Integer.valueOf(allowedRate);
    }
}
