package io.opencloud.controlplane.market;

import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.CredentialSets;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.compute.Ids;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.Names;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.controlplane.saga.SagaStarter;
import io.opencloud.events.Envelope;
import io.opencloud.events.TriggerType;
import io.opencloud.functions.market.AppIds;
import io.opencloud.functions.market.AppRecord;
import io.opencloud.functions.market.MarketApps;
import io.opencloud.functions.market.MarketplaceRecord;
import io.opencloud.functions.market.Marketplaces;
import io.opencloud.functions.storage.StorageProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /marketplaces}: marketplaces (a bucket on an S3 endpoint reached with a named credential set), their apps,
 * and imports into them ({@code POST /marketplaces/{id}/imports}, which starts the saga {@code market-import}).
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/marketplaces")
public class MarketplacesController {

    static final URI SOURCE = URI.create(Envelope.source("marketplaces"));
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final List<String> KINDS = List.of("VM", "VMTEMPLATE", "SERVICE_TEMPLATE", "IMAGE");
    private static final Map<String, Owned> OWNED = Map.of("VM", Owned.VM, "VMTEMPLATE", Owned.VM_TEMPLATE,
            "SERVICE_TEMPLATE", Owned.SERVICE_TEMPLATE, "IMAGE", Owned.IMAGE);

    private final Marketplaces marketplaces;
    private final MarketApps apps;
    private final StorageProperties storage;
    private final SagaStarter starter;
    private final ImportableObjects inventory;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ownership ownership;
    private final CredentialSets sets;

    public MarketplacesController(Marketplaces marketplaces, MarketApps apps, StorageProperties storage,
                                  SagaStarter starter, ImportableObjects inventory, JdbcClient jdbc,
                                  JsonMapper json, Ownership ownership, CredentialSets sets) {
        this.ownership = ownership;
        this.sets = sets;
        this.inventory = inventory;
        this.marketplaces = marketplaces;
        this.apps = apps;
        this.storage = storage;
        this.starter = starter;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Requires(Role.VIEWER)
    @GetMapping
    public List<MarketplaceRecord> list(Caller caller) {
        return ownership.visibleOf(Owned.MARKETPLACE, marketplaces.list(), MarketplaceRecord::marketplaceId, caller);
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}")
    public MarketplaceRecord get(@PathVariable String id, Caller caller) {
        return find(id, caller);
    }

    @PostMapping
    @Transactional
    public ResponseEntity<MarketplaceRecord> create(@RequestBody(required = false) String text, Caller caller) {
        JsonNode body = JsonBodies.object(json, text);
        String name = body.path("name").asString("");
        MarketplaceRecord marketplace = checked(new MarketplaceRecord(UUID.randomUUID().toString(), name,
                body.path("description").asString(null), body.path("bucket").asString("opencloud-market-" + name),
                body.path("credentials").asString(CredentialSets.LOCAL), body.path("endpoint").asString(null)), caller);
        if (marketplaces.find(name).isPresent()) {
            throw RequestRefusedException.conflict("a marketplace named " + name + " exists already");
        }
        marketplaces.insert(marketplace);
        ownership.claim(Owned.MARKETPLACE, marketplace.marketplaceId(), caller);
        return ResponseEntity.status(201).header("Location", "/marketplaces/" + marketplace.marketplaceId())
                .body(marketplace);
    }

    /**
     * Changes the description, bucket (only while it holds no apps) or credentials: a marketplace that moved is
     * pointed at the credential set of its new endpoint. An endpoint, when given, may only repeat the set's.
     */
    @PutMapping("/{id}")
    public MarketplaceRecord update(@PathVariable String id, @RequestBody(required = false) String text,
                                    Caller caller) {
        MarketplaceRecord current = owned(id, caller);
        JsonNode body = JsonBodies.object(json, text);
        MarketplaceRecord changed = checked(new MarketplaceRecord(current.marketplaceId(), current.name(),
                body.has("description") ? body.path("description").asString(null) : current.description(),
                body.path("bucket").asString(current.bucket()),
                body.path("credentials").asString(current.credentials()),
                body.has("endpoint") ? body.path("endpoint").asString(null) : current.endpoint()), caller);
        if (!changed.bucket().equals(current.bucket()) && !apps.list(current.marketplaceId(), null).isEmpty()) {
            throw RequestRefusedException.conflict("marketplace " + current.name() + " holds apps in bucket "
                    + current.bucket() + "; its bucket cannot change while it does");
        }
        marketplaces.update(changed);
        return changed;
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        MarketplaceRecord marketplace = owned(id, caller);
        if (!apps.list(marketplace.marketplaceId(), null).isEmpty()) {
            throw RequestRefusedException.conflict("marketplace " + marketplace.name() + " holds apps; remove them"
                    + " first");
        }
        long backingUp = jdbc.sql("SELECT count(*) FROM compute_vm WHERE backup_marketplace_id = ?")
                .param(UUID.fromString(marketplace.marketplaceId())).query(Long.class).single();
        if (backingUp > 0) {
            throw RequestRefusedException.conflict(backingUp + " VM(s) back up into marketplace "
                    + marketplace.name());
        }
        marketplaces.delete(marketplace.marketplaceId());
        return ResponseEntity.noContent().build();
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}/apps")
    public List<AppRecord> apps(@PathVariable String id, @RequestParam(required = false) String type,
                                Caller caller) {
        return apps.list(find(id, caller).marketplaceId(), type);
    }

    /**
     * Imports an object ({@code {kind, objectId, name, recursive, description, publisher, version}}) into the
     * marketplace; answers 202 with the saga and the id the app will have.
     */
    @PostMapping("/{id}/imports")
    @Transactional
    public ResponseEntity<Map<String, Object>> importObject(@PathVariable String id,
                                                            @RequestBody(required = false) String text,
                                                            Caller caller) {
        MarketplaceRecord marketplace = find(id, caller);
        JsonNode body = JsonBodies.object(json, text);
        List<String> problems = new ArrayList<>();
        String kind = body.path("kind").asString("");
        if (!KINDS.contains(kind)) {
            problems.add("kind must be one of " + KINDS);
        }
        String objectId = body.path("objectId").asString(null);
        if (!Ids.valid(objectId)) {
            problems.add("objectId must be the id of the " + kind.toLowerCase().replace('_', ' ') + " to import");
        }
        if (body.has("recursive") && !body.path("recursive").isBoolean()) {
            problems.add("recursive must be true or false");
        }
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        if (!ownership.visible(OWNED.get(kind), objectId, caller)) {
            throw RequestRefusedException.notFound(OWNED.get(kind).noun() + " " + objectId);
        }
        inventory.checkImportable(kind, objectId);
        ObjectNode data = json.createObjectNode().put("marketplaceId", marketplace.marketplaceId()).put("kind", kind)
                .put("objectId", objectId).put("recursive", body.path("recursive").asBoolean(true));
        for (String optional : new String[] {"name", "description", "publisher", "version"}) {
            if (body.path(optional).isString()) {
                data.put(optional, body.path(optional).asString());
            }
        }
        String sagaId = UUID.randomUUID().toString();
        starter.start(TriggerType.MARKET_IMPORT, SOURCE, objectId, data, sagaId, caller);
        return ResponseEntity.accepted().header("Location", "/sagas/" + sagaId).body(Map.of("sagaId", sagaId,
                "appId", AppIds.imported(sagaId, kind, objectId)));
    }

    private MarketplaceRecord find(String id, Caller caller) {
        return marketplaces.find(id)
                .filter(found -> ownership.visible(Owned.MARKETPLACE, found.marketplaceId(), caller))
                .orElseThrow(() -> RequestRefusedException.notFound("marketplace " + id));
    }

    /** A marketplace the caller may change: its tenant's own; one merely shared is refused as if absent. */
    private MarketplaceRecord owned(String id, Caller caller) {
        MarketplaceRecord marketplace = find(id, caller);
        if (!ownership.owns(Owned.MARKETPLACE, marketplace.marketplaceId(), caller)) {
            throw RequestRefusedException.notFound("marketplace " + id + " of your tenant");
        }
        return marketplace;
    }

    private MarketplaceRecord checked(MarketplaceRecord marketplace, Caller caller) {
        List<String> problems = new ArrayList<>();
        if (!Names.valid(marketplace.name())) {
            problems.add("name is required: " + Names.rule());
        }
        if (!BUCKET.matcher(marketplace.bucket()).matches()) {
            problems.add("bucket must be an S3 bucket name (3 to 63 lower-case letters, digits, dots, dashes)");
        }
        Set<String> known = new TreeSet<>(storage.credentials().keySet());
        known.add(CredentialSets.LOCAL);
        if (!known.contains(marketplace.credentials())) {
            problems.add("credentials must name a credential set (opencloud.storage.credentials.<name>); known: "
                    + known.stream().filter(name -> sets.usable(name, caller)).toList());
        } else if (!sets.usable(marketplace.credentials(), caller)) {
            problems.add("credentials \"" + marketplace.credentials() + "\" are not the tenant " + caller.tenant()
                    + "'s to use");
        }
        // In the control plane's own store, shared by every tenant, a marketplace keeps to the bucket of its own name.
        String ownBucket = "opencloud-market-" + marketplace.name();
        if (CredentialSets.LOCAL.equals(marketplace.credentials()) && !Caller.PLATFORM_TENANT.equals(caller.tenant())
                && !ownBucket.equals(marketplace.bucket())) {
            problems.add("bucket must be " + ownBucket + " in the control plane's own store (credentials local)");
        }
        if (CredentialSets.LOCAL.equals(marketplace.credentials()) && marketplace.endpoint() != null) {
            problems.add("endpoint must be left out with credentials \"local\", the control plane's own object store");
        }
        StorageProperties.Credentials set = storage.credentials().get(marketplace.credentials());
        if (marketplace.endpoint() != null && set != null && !marketplace.endpoint().equals(set.endpoint())) {
            problems.add("endpoint is the credential set's (" + set.endpoint() + "), which a marketplace may repeat but"
                    + " not change (destination policy, opencloud.outbound): configure a credential set for another"
                    + " endpoint");
        }
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        return marketplace;
    }
}
