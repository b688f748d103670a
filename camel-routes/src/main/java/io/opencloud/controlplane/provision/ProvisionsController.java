package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.access.PlatformAdmin;
import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Requires;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /provisions}: create a provision (202, its saga deploys it), list and show provisions, list their saved
 * Terraform states, delete one (202, its saga destroys it) and list orphans. Watch a provision's progress on
 * {@code GET /sagas/{sagaId}/stream}.
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/provisions")
public class ProvisionsController {

    private final Provisions provisions;
    private final ProvisionStore store;
    private final ProvisionViews views;
    private final OrphanSweep orphans;
    private final JsonMapper json;
    private final Ownership ownership;

    public ProvisionsController(Provisions provisions, ProvisionStore store, ProvisionViews views,
                                OrphanSweep orphans, JsonMapper json, Ownership ownership) {
        this.ownership = ownership;
        this.provisions = provisions;
        this.store = store;
        this.views = views;
        this.orphans = orphans;
        this.json = json;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String body, Caller caller) {
        ProvisionRow created = provisions.create(JsonBodies.object(json, body), caller);
        return ResponseEntity.accepted().header("Location", "/provisions/" + created.provisionId())
                .body(views.summary(created));
    }

    @Requires(Role.VIEWER)
    @GetMapping
    public List<Map<String, Object>> list(@RequestParam Optional<String> owner, @RequestParam Optional<String> group,
                                          @RequestParam Optional<String> state,
                                          @RequestParam(defaultValue = "100") int limit, Caller caller) {
        Optional<ProvisionState> wanted = state.map(s -> {
            try {
                return ProvisionState.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RequestRefusedException.invalid(List.of("state must be one of "
                        + List.of(ProvisionState.values())));
            }
        });
        Optional<String> tenant = caller.seesEveryTenant() ? Optional.empty() : Optional.of(caller.tenant());
        return store.list(tenant, owner, group, wanted, Math.clamp(limit, 1, 500)).stream().map(views::summary)
                .toList();
    }

    @GetMapping("/orphans")
    @PlatformAdmin
    public List<OrphanSweep.Found> orphans() {
        return orphans.find();
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id, Caller caller) {
        return views.full(visible(id, caller));
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}/states")
    public List<Map<String, Object>> states(@PathVariable String id, Caller caller) {
        return store.stateVersions(visible(id, caller).provisionId());
    }

    /** Another tenant's provision is answered as if it did not exist. */
    private ProvisionRow visible(String id, Caller caller) {
        return store.find(uuid(id)).filter(row -> ownership.visible(Owned.PROVISION, id, caller))
                .orElseThrow(() -> RequestRefusedException.notFound("provision " + id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String id,
                                                      @RequestParam(defaultValue = "deleted on request") String reason,
                                                      Caller caller) {
        return ResponseEntity.accepted().body(views.summary(provisions.delete(uuid(id), reason, caller)));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.notFound("provision " + id);
        }
    }
}
