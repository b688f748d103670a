package io.opencloud.controlplane.functions;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opencloud.functions.concurrency.<domain>}: how many commands of a domain the in-process host serves at once
 * (1, one after another, when not set). Slow operations such as image conversion gain from more; a saga's own bound
 * still applies.
 */
@ConfigurationProperties("opencloud.functions")
public record FunctionHosting(Map<String, Integer> concurrency) {

    public FunctionHosting {
        concurrency = concurrency == null ? Map.of() : Map.copyOf(concurrency);
    }

    public int concurrencyOf(String domain) {
        return Math.max(1, concurrency.getOrDefault(domain, 1));
    }
}
