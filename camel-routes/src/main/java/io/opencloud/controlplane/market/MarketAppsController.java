package io.opencloud.controlplane.market;

import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.compute.DisplayNames;
import io.opencloud.controlplane.compute.Ids;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.controlplane.saga.SagaStarter;
import io.opencloud.events.TriggerType;
import io.opencloud.functions.market.AppRecord;
import io.opencloud.functions.market.MarketApps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /apps}: every marketplace app ({@code ?type=} to filter), one app with its manifest, its export into the
 * compute inventory ({@code POST /apps/{id}/exports}, saga {@code market-export}), and a restore
 * ({@code POST /apps/{id}/restores}, saga {@code restore-vm}: a VM from a backup or any VMTEMPLATE app), and its
 * deletion ({@code DELETE /apps/{id}}, saga {@code market-delete}).
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/apps")
public class MarketAppsController {

    private final MarketApps apps;
    private final SagaStarter starter;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Ownership ownership;

    public MarketAppsController(MarketApps apps, SagaStarter starter, JdbcClient jdbc, JsonMapper json,
                                Ownership ownership) {
        this.ownership = ownership;
        this.apps = apps;
        this.jdbc = jdbc;
        this.starter = starter;
        this.json = json;
    }

    @Requires(Role.VIEWER)
    @GetMapping
    public List<AppRecord> list(@RequestParam(required = false) String type, Caller caller) {
        return ownership.visibleOf(Owned.MARKET_APP, apps.list(null, type), AppRecord::appId, caller);
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}")
    public AppRecord get(@PathVariable String id, Caller caller) {
        return find(id, caller);
    }

    /** Exports the app ({@code {name, recursive}}); answers 202 with the saga, whose result lists what it created. */
    @PostMapping("/{id}/exports")
    @Transactional
    public ResponseEntity<Map<String, Object>> export(@PathVariable String id,
                                                      @RequestBody(required = false) String text, Caller caller) {
        AppRecord app = ready(id, caller);
        JsonNode body = text == null || text.isBlank() ? json.createObjectNode() : JsonBodies.object(json, text);
        ObjectNode data = json.createObjectNode().put("appId", app.appId())
                .put("recursive", body.path("recursive").asBoolean(true));
        if (body.path("name").isString()) {
            data.put("name", body.path("name").asString());
        }
        return started(TriggerType.MARKET_EXPORT, app, data, caller);
    }

    /** Creates a VM named {@code name} from a VMTEMPLATE app (a backup); answers 202 with the saga. */
    @PostMapping("/{id}/restores")
    @Transactional
    public ResponseEntity<Map<String, Object>> restore(@PathVariable String id,
                                                       @RequestBody(required = false) String text, Caller caller) {
        AppRecord app = ready(id, caller);
        JsonNode body = JsonBodies.object(json, text);
        String name = body.path("name").asString("");
        List<String> problems = new ArrayList<>();
        DisplayNames.check(name, "name (the new VM's)", problems);
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        if (!AppRecord.VMTEMPLATE.equals(app.type())) {
            throw RequestRefusedException.invalid(List.of("app " + id + " is a " + app.type()
                    + "; a VM is restored from a VMTEMPLATE app"));
        }
        return started(TriggerType.RESTORE_VM, app, json.createObjectNode().put("appId", app.appId())
                .put("name", name), caller);
    }

    /**
     * Deletes the app with the apps its import created for it (READY, or DELETING after a removal that could not
     * finish); answers 202 with the saga. An app being imported, a VM's backup or one another app refers to is
     * refused (409).
     */
    @DeleteMapping("/{id}")
    @Transactional
    public ResponseEntity<Map<String, Object>> delete(@PathVariable String id,
                                                      @RequestParam(defaultValue = "deleted through the API")
                                                      String reason, Caller caller) {
        AppRecord app = owned(id, caller);
        if (AppRecord.IMPORTING.equals(app.state())) {
            throw RequestRefusedException.conflict("app " + id + " is being imported; its import removes it if it fails");
        }
        long backups = jdbc.sql("SELECT count(*) FROM compute_vm WHERE backup_app_id = ?::uuid").param(app.appId())
                .query(Long.class).single();
        if (backups > 0) {
            throw RequestRefusedException.conflict("app " + id + " is the current backup of " + backups + " VM(s)");
        }
        Set<String> removed = apps.withOwnApps(app).stream().map(AppRecord::appId).collect(Collectors.toSet());
        List<String> referrers = jdbc.sql("SELECT app_id, name FROM market_app WHERE strpos(manifest::text, ?) > 0")
                .param(app.appId()).query((rs, n) -> removed.contains(rs.getString(1)) ? null : rs.getString(2))
                .list().stream().filter(Objects::nonNull).toList();
        if (!referrers.isEmpty()) {
            throw RequestRefusedException.conflict("app " + id + " is referenced by app(s) " + referrers);
        }
        return started(TriggerType.MARKET_DELETE, app, json.createObjectNode().put("appId", app.appId())
                .put("reason", reason), caller);
    }

    private ResponseEntity<Map<String, Object>> started(TriggerType type, AppRecord app, ObjectNode data,
                                                        Caller caller) {
        String sagaId = UUID.randomUUID().toString();
        starter.start(type, MarketplacesController.SOURCE, app.appId(), data, sagaId, caller);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sagaId", sagaId);
        answer.put("appId", app.appId());
        return ResponseEntity.accepted().header("Location", "/sagas/" + sagaId).body(answer);
    }

    private AppRecord ready(String id, Caller caller) {
        AppRecord app = find(id, caller);
        if (!AppRecord.READY.equals(app.state())) {
            throw RequestRefusedException.conflict("app " + id + " is " + app.state() + ", not READY");
        }
        return app;
    }

    private AppRecord find(String id, Caller caller) {
        return Ids.valid(id) && ownership.visible(Owned.MARKET_APP, id, caller)
                ? apps.find(id).orElseThrow(() -> RequestRefusedException.notFound("app " + id))
                : Ids.notFound("app", id);
    }

    /** An app the caller may change: one of its tenant's marketplaces'; one merely shared is refused as if absent. */
    private AppRecord owned(String id, Caller caller) {
        AppRecord app = find(id, caller);
        if (!ownership.owns(Owned.MARKET_APP, id, caller)) {
            throw RequestRefusedException.notFound("app " + id + " of your tenant");
        }
        return app;
    }
}
