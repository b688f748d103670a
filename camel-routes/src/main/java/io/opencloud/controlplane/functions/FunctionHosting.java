package io.opencloud.controlplane.functions;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.functions}: whether the control plane hosts the functions itself ({@code in-process}, the embedded
 * default; the distributed profile turns it off, each function then being a Knative Service), and
 * {@code concurrency.<domain>}: how many commands of a domain the in-process host serves at once (1, one after
 * another, when not set). Slow operations such as image conversion gain from more; a saga's own bound still applies.
 */
@ConfigurationProperties("opencloud.functions")
public record FunctionHosting(@DefaultValue("true") boolean inProcess, Map<String, Integer> concurrency) {

    /** The property that turns in-process hosting off. */
    public static final String IN_PROCESS = "opencloud.functions.in-process";

    public FunctionHosting {
        concurrency = concurrency == null ? Map.of() : Map.copyOf(concurrency);
    }

    public int concurrencyOf(String domain) {
        return Math.max(1, concurrency.getOrDefault(domain, 1));
    }
}
