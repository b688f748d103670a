package io.opencloud.events.schema;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.opencloud.events.EventTypes;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.MediaTypes;
import io.opencloud.events.envelope.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks that a well-formed envelope carries what its type promises: the type is one we know, the data is JSON,
 * and the data satisfies the type's JSON Schema.
 */
public final class EventContentValidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventSchemas schemas;

    public EventContentValidator(EventSchemas schemas) {
        this.schemas = schemas;
    }

    public Decoded check(CloudEvent event) {
        if (!EventTypes.isKnown(event.getType())) {
            return Decoded.Rejected.of(Violation.ofAttribute("type", "unknown event type \"" + event.getType()
                    + "\"; known types are " + EventTypes.all()));
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !MediaTypes.isJson(contentType)) {
            return Decoded.Rejected.of(Violation.ofAttribute("datacontenttype",
                    "must be application/json for " + event.getType() + ", got \"" + contentType + "\""));
        }
        if (event.getData() == null) {
            return Decoded.Rejected.of(Violation.ofData("", "is required for " + event.getType()));
        }
        JsonNode data;
        try {
            data = JSON.readTree(event.getData().toBytes());
        } catch (JacksonException e) {
            return Decoded.Rejected.of(Violation.ofData("", "is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
        List<Violation> violations = schemas.validate(event.getType(), data);
        return violations.isEmpty() ? new Decoded.Accepted(event) : new Decoded.Rejected(violations);
    }
}
