package io.opencloud.controlplane.federation.catalog;

import io.opencloud.controlplane.federation.PeerEventHandler;
import io.opencloud.controlplane.federation.PeerEventRefusedException;
import io.opencloud.controlplane.federation.VerifiedPeerEvent;
import io.opencloud.controlplane.federation.network.Networks;
import io.opencloud.events.FederationType;
import java.util.List;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes what a member shares with a network into the catalog. Only a member of a network this control plane belongs
 * to may share there; an announcement older than the last one taken changes nothing.
 *
 * <p>Consumes {@code io.opencloud.federation.share.completed.v1}; produces nothing. Idempotent.
 */
@Component
public class ShareHandler implements PeerEventHandler {

    private final Networks networks;
    private final SharedResources shared;
    private final JsonMapper json;

    public ShareHandler(Networks networks, SharedResources shared, JsonMapper json) {
        this.networks = networks;
        this.shared = shared;
        this.json = json;
    }

    @Override
    public FederationType type() {
        return FederationType.SHARE_COMPLETED;
    }

    @Override
    public String handle(VerifiedPeerEvent event) {
        String networkId = event.data().get("network").asString();
        if (networks.find(networkId).isEmpty() || !networks.isMember(networkId, event.signer().peerId())) {
            throw PeerEventRefusedException.tooEarly(event.signer().name() + " is not a member of network "
                    + networkId + " here (or the news of it has not arrived yet); it cannot share resources in it");
        }
        List<ResourceSpec> resources = StreamSupport.stream(event.data().get("resources").spliterator(), false)
                .map(node -> new ResourceSpec(node.get("name").asString(), node.get("kind").asString(),
                        node.get("card"), node.get("inputs")))
                .toList();
        if (resources.stream().map(ResourceSpec::name).distinct().count() < resources.size()) {
            throw new IllegalArgumentException("the announcement names a resource twice");
        }
        boolean taken = shared.replace(event.signer().peerId(), networkId, event.data().get("sequence").asLong(),
                resources);
        return taken ? resources.size() + " resources of " + event.signer().name() + " in network " + networkId
                : "an announcement newer than this one was taken before; nothing changed";
    }
}
