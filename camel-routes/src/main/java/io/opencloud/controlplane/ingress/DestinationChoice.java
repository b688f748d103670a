package io.opencloud.controlplane.ingress;

import io.cloudevents.CloudEvent;
import io.opencloud.events.TriggerType;
import io.opencloud.events.envelope.Violation;
import io.opencloud.functions.storage.StorageProperties;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses at the door a workflow whose destination would aim the server at an endpoint of the sender's choosing: a
 * destination names a credential set, and may repeat that set's endpoint but never change it (the destination
 * policy, {@code opencloud.outbound}). Caught here, the sender gets a 400 at once instead of a saga that fails later.
 */
@Component
public class DestinationChoice {

    private static final String POINTER = "/destination/endpoint";

    private final StorageProperties storage;
    private final JsonMapper json;

    public DestinationChoice(StorageProperties storage, JsonMapper json) {
        this.storage = storage;
        this.json = json;
    }

    public Optional<Violation> check(CloudEvent event) {
        if (!TriggerType.SENTINEL_WORKFLOW.type().equals(event.getType()) || event.getData() == null) {
            return Optional.empty();
        }
        JsonNode destination = json.readTree(event.getData().toBytes()).path("destination");
        JsonNode endpoint = destination.path("endpoint");
        if (endpoint.isMissingNode() || endpoint.isNull()) {
            return Optional.empty();
        }
        StorageProperties.Credentials set = storage.credentials().get(destination.path("credentials").asString(""));
        if (set != null && endpoint.asString().equals(set.endpoint())) {
            return Optional.empty();
        }
        return Optional.of(Violation.ofData(POINTER, "a destination names credentials and uses their endpoint; it may"
                + " not choose another (destination policy, opencloud.outbound)"));
    }
}
