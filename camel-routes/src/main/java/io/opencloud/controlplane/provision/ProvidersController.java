package io.opencloud.controlplane.provision;

import org.springframework.transaction.annotation.Transactional;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.functions.provision.ProviderTemplate;
import io.opencloud.functions.provision.ProviderTemplates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /providers}: the provider templates, and the provider instances made from them (create, edit, delete, list).
 * A provider's connection values are never returned; only the names of the fields that are set.
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/providers")
public class ProvidersController {

    private final Providers providers;
    private final ProviderStore store;
    private final ProviderTemplates templates;
    private final JsonMapper json;
    private final Ownership ownership;

    public ProvidersController(Providers providers, ProviderStore store, ProviderTemplates templates,
                               JsonMapper json, Ownership ownership) {
        this.ownership = ownership;
        this.providers = providers;
        this.store = store;
        this.templates = templates;
        this.json = json;
    }

    @Requires(Role.VIEWER)
    @GetMapping("/templates")
    public List<ProviderTemplate> templates() {
        return templates.all();
    }

    @Requires(Role.VIEWER)
    @GetMapping
    public List<Map<String, Object>> list(Caller caller) {
        return ownership.visibleOf(Owned.PROVIDER, store.list(), row -> row.providerId().toString(), caller).stream()
                .map(ProvidersController::view).toList();
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id, Caller caller) {
        return view(visible(id, caller));
    }

    @PostMapping
    @Transactional
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String body, Caller caller) {
        ProviderRow created = providers.create(JsonBodies.object(json, body));
        ownership.claim(Owned.PROVIDER, created.providerId().toString(), caller);
        return ResponseEntity.status(201).header("Location", "/providers/" + created.providerId()).body(view(created));
    }

    @PutMapping("/{id}")
    public Map<String, Object> edit(@PathVariable String id, @RequestBody(required = false) String body,
                                    Caller caller) {
        owned(id, caller);
        return view(providers.edit(id, JsonBodies.object(json, body)));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        owned(id, caller);
        providers.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Another tenant's provider is answered as if it did not exist. */
    private ProviderRow visible(String id, Caller caller) {
        return store.find(id).filter(row -> ownership.visible(Owned.PROVIDER, row.providerId().toString(), caller))
                .orElseThrow(() -> RequestRefusedException.notFound("provider " + id));
    }

    /** A provider the caller may change: its tenant's own; one merely shared is refused as if absent. */
    private ProviderRow owned(String id, Caller caller) {
        ProviderRow provider = visible(id, caller);
        if (!ownership.owns(Owned.PROVIDER, provider.providerId().toString(), caller)) {
            throw RequestRefusedException.notFound("provider " + id + " of your tenant");
        }
        return provider;
    }

    private static Map<String, Object> view(ProviderRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.providerId());
        view.put("name", row.name());
        view.put("template", row.template());
        view.put("description", row.description());
        view.put("inputs", row.inputs());
        view.put("connectionFields", row.connectionFields());
        view.put("createdAt", row.createdAt());
        view.put("updatedAt", row.updatedAt());
        return view;
    }
}
