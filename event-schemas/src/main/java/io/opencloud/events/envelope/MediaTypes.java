package io.opencloud.events.envelope;

import java.util.Locale;

/** Media type checks shared by the HTTP and Kafka bindings. */
public final class MediaTypes {

    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    public static final String CLOUDEVENTS_BATCH_JSON = "application/cloudevents-batch+json";

    private MediaTypes() {
    }

    /** The media type without its parameters, lower-cased. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** JSON data: application/json or any +json structured syntax suffix. */
    public static boolean isJson(String contentType) {
        String essence = essence(contentType);
        return essence.equals("application/json") || essence.endsWith("+json") || essence.equals("text/json");
    }

    public static boolean isStructuredCloudEvent(String contentType) {
        return essence(contentType).equals(CLOUDEVENTS_JSON);
    }
}
