package io.opencloud.controlplane.functions;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.functions}: how commands reach the functions.
 *
 * <p>By default the control plane consumes each domain's commands topic and answers every command itself: with the
 * function in its own JVM, or, where {@code urls.<domain>} names a function host ({@code FunctionHostApplication},
 * as in the compose deployment), by posting the command there as a CloudEvent. {@code concurrency.<domain>} is how
 * many commands of a domain it serves at once (1, one after another, when not set); slow operations such as image
 * conversion gain from more, and a saga's own bound still applies.
 *
 * <p>With {@code delivered-by-broker} (the distributed profile), a Knative Broker delivers each command to the
 * Service of its function, and the control plane consumes no commands at all.
 */
@ConfigurationProperties("opencloud.functions")
public record FunctionHosting(@DefaultValue("false") boolean deliveredByBroker, Map<String, Integer> concurrency,
                              Map<String, URI> urls) {

    /** The property that hands the delivery of commands to a Knative Broker. */
    public static final String DELIVERED_BY_BROKER = "opencloud.functions.delivered-by-broker";

    public FunctionHosting {
        concurrency = concurrency == null ? Map.of() : Map.copyOf(concurrency);
        urls = urls == null ? Map.of() : Map.copyOf(urls);
    }

    public int concurrencyOf(String domain) {
        return Math.max(1, concurrency.getOrDefault(domain, 1));
    }

    /** The function host that answers this domain's commands, when not this JVM. */
    public Optional<URI> urlOf(String domain) {
        return Optional.ofNullable(urls.get(domain));
    }
}
