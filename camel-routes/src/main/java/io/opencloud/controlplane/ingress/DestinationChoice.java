package io.opencloud.controlplane.ingress;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.CredentialSets;
import io.opencloud.events.TriggerType;
import io.opencloud.events.envelope.Violation;
import io.opencloud.functions.storage.StorageProperties;
import io.opencloud.infra.config.RuntimeEndpoints;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses at the door a workflow whose destination would aim the server at an endpoint of the sender's choosing: a
 * destination names a credential set, and may repeat that set's endpoint but never change it (the destination
 * policy, {@code opencloud.outbound}); and the set must be the sender's tenant's to use ({@link CredentialSets}).
 * Caught here, the sender gets a 400 at once instead of a saga that fails later.
 */
@Component
public class DestinationChoice {

    private static final String POINTER = "/destination/endpoint";

    private final StorageProperties storage;
    private final CredentialSets sets;
    private final RuntimeEndpoints endpoints;
    private final JsonMapper json;

    public DestinationChoice(StorageProperties storage, CredentialSets sets, RuntimeEndpoints endpoints,
                             JsonMapper json) {
        this.storage = storage;
        this.sets = sets;
        this.endpoints = endpoints;
        this.json = json;
    }

    public Optional<Violation> check(CloudEvent event, Caller caller) {
        if (!TriggerType.SENTINEL_WORKFLOW.type().equals(event.getType()) || event.getData() == null) {
            return Optional.empty();
        }
        JsonNode destination = json.readTree(event.getData().toBytes()).path("destination");
        String credentials = destination.path("credentials").asString("");
        JsonNode endpoint = destination.path("endpoint");
        StorageProperties.Credentials set = storage.credentials().get(credentials);
        if (!endpoint.isMissingNode() && !endpoint.isNull()
                && (set == null || !endpoint.asString().equals(set.endpoint()))) {
            return Optional.of(Violation.ofData(POINTER, "a destination names credentials and uses their endpoint;"
                    + " it may not choose another (destination policy, opencloud.outbound)"));
        }
        return sets.refusal(credentials, destination.path("bucket").asString(""),
                        destination.path("prefix").asString(null), endpoints.s3Bucket(), caller)
                .map(reason -> Violation.ofData("/destination", reason));
    }
}
