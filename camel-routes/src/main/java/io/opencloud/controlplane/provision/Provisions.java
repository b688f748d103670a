package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.saga.DestroyProvisionSaga;
import io.opencloud.controlplane.saga.SagaRow;
import io.opencloud.controlplane.saga.SagaStarter;
import io.opencloud.controlplane.saga.SagaStatus;
import io.opencloud.controlplane.saga.SagaStore;
import io.opencloud.events.Envelope;
import io.opencloud.events.TriggerType;
import io.opencloud.functions.provision.ProviderTemplate;
import io.opencloud.functions.provision.ProviderTemplates;
import io.opencloud.functions.provision.ProvisionDrivers;
import io.opencloud.functions.provision.ProvisionLayout;
import io.opencloud.functions.provision.ResourceSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates and deletes provisions. A provision is stored, handed to its saga and the saga started in one transaction,
 * so there is never a provision without the saga that deploys it, nor a saga whose provision is missing.
 */
@Service
public class Provisions {

    static final URI SOURCE = URI.create(Envelope.source("provisions"));

    private final ProvisionStore store;
    private final ProviderStore providers;
    private final ProviderTemplates templates;
    private final ProvisionDrivers drivers;
    private final SagaStarter starter;
    private final SagaStore sagaStore;
    private final JsonMapper json;
    private final Ownership ownership;

    public Provisions(ProvisionStore store, ProviderStore providers, ProviderTemplates templates,
                      ProvisionDrivers drivers, SagaStarter starter, SagaStore sagaStore,
                      JsonMapper json, Ownership ownership) {
        this.ownership = ownership;
        this.store = store;
        this.providers = providers;
        this.templates = templates;
        this.drivers = drivers;
        this.starter = starter;
        this.sagaStore = sagaStore;
        this.json = json;
    }

    @Transactional
    public ProvisionRow create(JsonNode body, Caller caller) {
        List<String> problems = new ArrayList<>();
        String name = body.path("name").asString(null);
        if (!Names.valid(name)) {
            problems.add("name is required: " + Names.rule());
        }
        // A provision is its creator's unless an admin of the tenant gives it to someone else; its group is the tenant.
        String owner = body.path("owner").asString(caller.subject());
        if (owner.isBlank()) {
            problems.add("owner, when given, names the user the provision belongs to");
        } else if (!owner.equals(caller.subject()) && !caller.may(Role.ADMIN)) {
            problems.add("owner must be you (" + caller.subject() + "): only an admin of the tenant creates"
                    + " provisions for others");
        }
        String group = body.path("group").asString(caller.tenant());
        if (!group.equals(caller.tenant()) && !caller.platformAdmin()) {
            problems.add("group must be your tenant, " + caller.tenant());
        }
        String providerName = body.path("provider").asString(null);
        Optional<ProviderRow> provider = providerName == null ? Optional.empty() : providers.find(providerName)
                .filter(found -> ownership.visible(Owned.PROVIDER, found.providerId().toString(), caller));
        if (provider.isEmpty()) {
            problems.add("provider must name a provider (by name or id); known: " + ownership.visibleOf(
                    Owned.PROVIDER, providers.list(), row -> row.providerId().toString(), caller).stream()
                    .map(ProviderRow::name).toList());
        }
        List<ResourceSpec> hosts = ProvisionSpecs.hosts(json, body, problems);
        List<ResourceSpec> networks = ProvisionSpecs.resources(json, body, "networks", false, problems);
        List<ResourceSpec> datastores = ProvisionSpecs.resources(json, body, "datastores", false, problems);
        Optional<ProviderTemplate> template = provider.flatMap(p -> templates.find(p.template()));
        if (provider.isPresent() && template.isEmpty()) {
            problems.add("provider " + providerName + " was made from template " + provider.get().template()
                    + ", which is no longer installed");
        }
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        UUID id = UUID.randomUUID();
        Map<String, Object> inputs = json.convertValue(provider.get().inputs(), new TypeReference<Map<String, Object>>() { });
        ProvisionLayout layout = new ProvisionLayout(id.toString(), name, template.get(), inputs, hosts, networks,
                datastores);
        ObjectNode config = drivers.get(template.get().driver()).configuration(layout);
        ObjectNode spec = json.createObjectNode();
        spec.set("hosts", json.valueToTree(hosts));
        spec.set("networks", json.valueToTree(networks));
        spec.set("datastores", json.valueToTree(datastores));
        String sagaId = UUID.randomUUID().toString();
        store.insert(new ProvisionRow(id, name, provider.get().providerId(), provider.get().name(),
                template.get().driver(), ProvisionState.PENDING, owner, group, spec, config, sagaId, null, null,
                null));
        ownership.claim(Owned.PROVISION, id.toString(), caller);
        start(TriggerType.CREATE_PROVISION, id, json.createObjectNode().put("provisionId", id.toString()), sagaId,
                caller);
        return store.find(id).orElseThrow();
    }

    /**
     * Starts destroying a provision, whatever its last apply left (nothing, part or all of it). Asking again while it
     * is being deleted, or once it is, changes nothing.
     *
     * @return the provision and the saga deleting it
     */
    @Transactional
    public ProvisionRow delete(UUID provisionId, String reason, Caller caller) {
        ProvisionRow row = store.lock(provisionId)
                .filter(found -> ownership.owns(Owned.PROVISION, provisionId.toString(), caller))
                .orElseThrow(() -> RequestRefusedException.notFound("provision " + provisionId));
        Optional<SagaRow> current = Optional.ofNullable(row.currentSaga()).flatMap(sagaStore::find);
        boolean working = current.map(saga -> saga.status() == SagaStatus.RUNNING
                || saga.status() == SagaStatus.COMPENSATING).orElse(false);
        if (row.state() == ProvisionState.DONE
                || working && current.get().type().equals(DestroyProvisionSaga.TYPE)) {
            return row;
        }
        if (working) {
            throw RequestRefusedException.conflict("provision " + provisionId + " is being deployed by saga "
                    + row.currentSaga() + " (" + current.get().status() + "); delete it once that saga has ended");
        }
        String sagaId = UUID.randomUUID().toString();
        store.handTo(provisionId, sagaId);
        start(TriggerType.DELETE_PROVISION, provisionId, json.createObjectNode()
                .put("provisionId", provisionId.toString()).put("reason", reason), sagaId, caller);
        return store.find(provisionId).orElseThrow();
    }

    private void start(TriggerType type, UUID provisionId, ObjectNode data, String sagaId, Caller caller) {
        starter.start(type, SOURCE, provisionId.toString(), data, sagaId, caller);
    }
}
