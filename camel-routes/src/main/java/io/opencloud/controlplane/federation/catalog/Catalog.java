package io.opencloud.controlplane.federation.catalog;

import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.Identity;
import io.opencloud.controlplane.federation.TextArrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What this control plane sees: its own resources, and those its peers share with the networks it belongs to, from
 * peers that are still members there. Nothing else reaches it: a peer's announcement for a network this control
 * plane is not in is refused on arrival.
 */
@Component
public class Catalog {

    private final CatalogResources own;
    private final Identities identities;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Catalog(CatalogResources own, Identities identities, JdbcClient jdbc, JsonMapper json) {
        this.own = own;
        this.identities = identities;
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<CatalogEntry> entries() {
        Identity self = identities.self();
        List<CatalogEntry> entries = new ArrayList<>();
        for (CatalogResources.OwnResource resource : own.all()) {
            ResourceSpec spec = resource.spec();
            entries.add(new CatalogEntry(self.peerId() + "/" + spec.name(),
                    new CatalogEntry.Provider(self.peerId(), self.name(), true), spec.name(), spec.kind(), spec.card(),
                    spec.inputs(), resource.sharedWith()));
        }
        entries.addAll(jdbc.sql("""
                        SELECT r.provider_peer_id, p.name AS provider_name, r.name, r.kind,
                               (array_agg(r.card::text ORDER BY r.announced_at DESC))[1] AS card,
                               (array_agg(r.inputs::text ORDER BY r.announced_at DESC))[1] AS inputs,
                               array_agg(r.network_id ORDER BY r.network_id) AS networks
                        FROM catalog_shared_resource r
                        JOIN federation_peer p ON p.peer_id = r.provider_peer_id
                        JOIN federation_member m ON m.peer_id = r.provider_peer_id AND m.network_id = r.network_id
                        GROUP BY r.provider_peer_id, p.name, r.name, r.kind""")
                .query((row, n) -> new CatalogEntry(row.getString("provider_peer_id") + "/" + row.getString("name"),
                        new CatalogEntry.Provider(row.getString("provider_peer_id"), row.getString("provider_name"),
                                false),
                        row.getString("name"), row.getString("kind"), json.readTree(row.getString("card")),
                        json.readTree(row.getString("inputs")),
                        TextArrays.of(row, "networks")))
                .list());
        entries.sort(Comparator.comparing((CatalogEntry entry) -> !entry.provider().self())
                .thenComparing(entry -> entry.provider().name()).thenComparing(CatalogEntry::name));
        return entries;
    }

    public Optional<CatalogEntry> find(String ref) {
        return entries().stream().filter(entry -> entry.ref().equals(ref)).findFirst();
    }
}
