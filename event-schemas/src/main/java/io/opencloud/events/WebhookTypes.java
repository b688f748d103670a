package io.opencloud.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The family of CloudEvent types a signed webhook becomes: {@code io.opencloud.webhook.<source>.received.v1}, one
 * type per configured source. Sources are configuration, so the family shares one JSON Schema, stored under the
 * family name {@value #FAMILY} with the source left out.
 */
public final class WebhookTypes {

    /** The name the family's schema and example are stored under. */
    public static final String FAMILY = "io.opencloud.webhook.received.v1";

    /** A source name is one lower-case word (digits and inner dashes allowed), so that the type stays well-formed. */
    public static final Pattern SOURCE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Every type of the family; group 1 is the source. */
    public static final Pattern TYPE_PATTERN = Pattern.compile("io\\.opencloud\\.webhook\\.(" + SOURCE_NAME.pattern()
            + ")\\.received\\.v1");

    private WebhookTypes() {
    }

    public static String type(String source) {
        if (!SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("webhook source \"" + source + "\" is not a lower-case word");
        }
        return "io.opencloud.webhook." + source + ".received.v1";
    }

    /** The webhook source a type belongs to, when it is of the family. */
    public static Optional<String> sourceOf(String type) {
        Matcher matcher = TYPE_PATTERN.matcher(type);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static boolean isWebhookType(String type) {
        return sourceOf(type).isPresent();
    }

    /** The CloudEvent source of the events of one webhook source. */
    public static String eventSource(String source) {
        return Envelope.source("hooks/" + source);
    }
}
