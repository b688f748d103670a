package io.opencloud.controlplane.federation.catalog;

import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.federation.network.Networks;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.RequestRefusedException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /catalog}: what this control plane sees ({@code GET /catalog}, optionally {@code ?kind=}), and its own
 * resources ({@code PUT}, {@code GET}, {@code DELETE /catalog/resources/{name}}), each with a description card, the
 * inputs a workflow needs and the networks it is shared with. Every change is announced to the members of each
 * network it concerns, those it is no longer shared with included.
 */
@RestController
@Requires(Role.ADMIN)
public class CatalogController {

    private static final int DEADLOCK_ATTEMPTS = 3;

    private final Catalog catalog;
    private final CatalogResources resources;
    private final Networks networks;
    private final ShareAnnouncements announcements;
    private final JsonMapper json;
    private final TransactionTemplate tx;

    public CatalogController(Catalog catalog, CatalogResources resources, Networks networks,
                             ShareAnnouncements announcements, JsonMapper json, TransactionTemplate tx) {
        this.tx = tx;
        this.catalog = catalog;
        this.resources = resources;
        this.networks = networks;
        this.announcements = announcements;
        this.json = json;
    }

    @Requires(Role.VIEWER)
    @GetMapping("/catalog")
    public List<CatalogEntry> list(@RequestParam(required = false) String kind, Caller caller) {
        if (kind != null && !ResourceSpec.KINDS.contains(kind)) {
            throw RequestRefusedException.invalid(List.of("kind: one of " + ResourceSpec.KINDS.stream().sorted()
                    .toList()));
        }
        // What peers share is this control plane's to see, every tenant's; its own resources are their tenant's.
        Map<String, String> tenants = resources.tenants();
        return catalog.entries().stream().filter(entry -> kind == null || entry.kind().equals(kind))
                .filter(entry -> !entry.provider().self()
                        || caller.sees(tenants.getOrDefault(entry.name(), Caller.PLATFORM_TENANT)))
                .toList();
    }

    @Requires(Role.VIEWER)
    @GetMapping("/catalog/resources/{name}")
    public CatalogResources.OwnResource get(@PathVariable String name, Caller caller) {
        return resources.find(name).filter(found -> resources.tenantOf(name).filter(caller::sees).isPresent())
                .orElseThrow(() -> RequestRefusedException.notFound("resource " + name));
    }

    /**
     * Saves the resource and announces it. Announcing takes locks that a peer's concurrent membership change also
     * takes; when PostgreSQL breaks such a deadlock by aborting this transaction, it is run again, a few times.
     */
    @PutMapping("/catalog/resources/{name}")
    public ResponseEntity<CatalogResources.OwnResource> save(@PathVariable String name,
                                                             @RequestBody(required = false) String text,
                                                             Caller caller) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> saveOnce(name, text, caller));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private ResponseEntity<CatalogResources.OwnResource> saveOnce(String name, String text, Caller caller) {
        if (resources.tenantOf(name).filter(owner -> !caller.sees(owner)).isPresent()) {
            throw RequestRefusedException.conflict("the name " + name + " is taken in this control plane's catalog");
        }
        JsonNode body = JsonBodies.object(json, text);
        List<String> faults = new ArrayList<>(ResourceSpec.faults(name, body));
        Set<String> sharedWith = new LinkedHashSet<>();
        JsonNode shares = body.path("sharedWith");
        if (!shares.isMissingNode() && !shares.isArray()) {
            faults.add("sharedWith: a list of network ids this control plane belongs to");
        }
        shares.forEach(network -> {
            if (networks.find(network.asString("")).isEmpty()) {
                faults.add("sharedWith: " + network + " is not a network this control plane belongs to (GET /networks)");
            }
            sharedWith.add(network.asString(""));
        });
        if (!faults.isEmpty()) {
            throw RequestRefusedException.invalid(faults);
        }
        boolean created = resources.find(name).isEmpty();
        Set<String> concerned = new TreeSet<>(sharedWith);
        resources.find(name).ifPresent(previous -> concerned.addAll(previous.sharedWith()));
        // Before any share row is written (its foreign key would share-lock the network first), and sorted, so that
        // concurrent saves take the networks' locks in one order and never deadlock.
        concerned.forEach(networks::lock);
        ResourceSpec spec = new ResourceSpec(name, body.get("kind").asString(), body.get("card"),
                body.path("inputs").isArray() ? body.get("inputs") : json.createArrayNode());
        resources.save(spec, sharedWith, caller.tenant());
        concerned.forEach(announcements::announce);
        CatalogResources.OwnResource saved = resources.find(name).orElseThrow();
        return created ? ResponseEntity.status(201).body(saved) : ResponseEntity.ok(saved);
    }

    @DeleteMapping("/catalog/resources/{name}")
    @Transactional
    public ResponseEntity<Void> delete(@PathVariable String name, Caller caller) {
        CatalogResources.OwnResource resource = get(name, caller);
        new TreeSet<>(resource.sharedWith()).forEach(networks::lock);
        resources.delete(name);
        resource.sharedWith().forEach(announcements::announce);
        return ResponseEntity.noContent().build();
    }
}
