package io.opencloud.controlplane.federation.catalog;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resources peers share with the networks this control plane belongs to, as each last announced them. */
@Repository
public class SharedResources {

    private final JdbcClient jdbc;

    public SharedResources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces what the provider shares with the network, unless an announcement with a higher sequence came first;
     * returns whether it replaced.
     */
    public boolean replace(String provider, String networkId, long sequence, List<ResourceSpec> resources) {
        int newer = jdbc.sql("""
                        INSERT INTO catalog_share_sequence (provider_peer_id, network_id, sequence) VALUES (?, ?, ?)
                        ON CONFLICT (provider_peer_id, network_id) DO UPDATE SET sequence = excluded.sequence
                        WHERE catalog_share_sequence.sequence < excluded.sequence""")
                .params(provider, networkId, sequence).update();
        if (newer == 0) {
            return false;
        }
        forgetResources(networkId, provider);
        for (ResourceSpec resource : resources) {
            jdbc.sql("""
                            INSERT INTO catalog_shared_resource (provider_peer_id, network_id, name, kind, card, inputs)
                            VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
                    .params(provider, networkId, resource.name(), resource.kind(), resource.card().toString(),
                            resource.inputs().toString())
                    .update();
        }
        return true;
    }

    /** Forgets what the provider shared with the network, when it left or was removed from it. */
    public void forget(String networkId, String provider) {
        forgetResources(networkId, provider);
        jdbc.sql("DELETE FROM catalog_share_sequence WHERE network_id = ? AND provider_peer_id = ?")
                .params(networkId, provider).update();
    }

    private void forgetResources(String networkId, String provider) {
        jdbc.sql("DELETE FROM catalog_shared_resource WHERE network_id = ? AND provider_peer_id = ?")
                .params(networkId, provider).update();
    }
}
