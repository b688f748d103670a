package io.opencloud.controlplane.compute;

import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.controlplane.saga.SagaStarter;
import io.opencloud.events.Envelope;
import io.opencloud.events.TriggerType;
import io.opencloud.functions.compute.ComputeProperties;
import io.opencloud.functions.compute.DueBackups;
import io.opencloud.functions.compute.VmBackup;
import io.opencloud.functions.compute.VmFactory;
import io.opencloud.functions.compute.VmRecord;
import io.opencloud.functions.compute.VmTemplateRecord;
import io.opencloud.functions.compute.VmTemplates;
import io.opencloud.functions.compute.Vms;
import io.opencloud.functions.market.Marketplaces;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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
 * {@code /compute/vms}: VMs created from VM templates, with their backup attributes BACKUP_FREQUENCY_SECONDS,
 * BACKUP_MARKETPLACE_ID (set at creation or with {@code PUT /compute/vms/{id}/attributes}), BACKUP_LAST_COPY_TIME
 * and BACKUP_MARKETPLACE_APP_ID (set by backups). {@code POST /compute/vms/{id}/backup} backs a VM up now.
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/compute/vms")
public class VmsController {

    static final URI SOURCE = URI.create(Envelope.source("compute"));
    static final String FREQUENCY = "BACKUP_FREQUENCY_SECONDS";
    static final String MARKETPLACE = "BACKUP_MARKETPLACE_ID";

    private final Vms vms;
    private final VmTemplates templates;
    private final VmFactory factory;
    private final Marketplaces marketplaces;
    private final DueBackups backups;
    private final SagaStarter starter;
    private final ComputeProperties properties;
    private final JsonMapper json;
    private final Ownership ownership;

    public VmsController(Vms vms, VmTemplates templates, VmFactory factory, Marketplaces marketplaces,
                         DueBackups backups, SagaStarter starter, ComputeProperties properties, JsonMapper json,
                         Ownership ownership) {
        this.ownership = ownership;
        this.starter = starter;
        this.vms = vms;
        this.templates = templates;
        this.factory = factory;
        this.marketplaces = marketplaces;
        this.backups = backups;
        this.properties = properties;
        this.json = json;
    }

    @PostMapping
    @Transactional
    public ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String text, Caller caller) {
        JsonNode body = JsonBodies.object(json, text);
        List<String> problems = new ArrayList<>();
        String name = body.path("name").asString("");
        DisplayNames.check(name, "name", problems);
        String templateId = body.path("templateId").asString(null);
        VmTemplateRecord template = Ids.valid(templateId) && ownership.visible(Owned.VM_TEMPLATE, templateId, caller)
                ? templates.find(templateId).orElse(null) : null;
        if (template == null) {
            problems.add("templateId must name a VM template of the inventory");
        }
        ObjectNode attributes = body.path("attributes").isObject() ? ((ObjectNode) body.path("attributes")).deepCopy()
                : json.createObjectNode();
        BackupSchedule schedule = schedule(attributes, problems, caller);
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        attributes.remove(FREQUENCY);
        attributes.remove(MARKETPLACE);
        VmRecord vm = factory.create(UUID.randomUUID().toString(), name, template, new VmBackup(schedule.frequency(),
                schedule.marketplaceId(), null, null, null, null, null), attributes, null);
        ownership.claim(Owned.VM, vm.vmId(), caller);
        return ResponseEntity.status(201).header("Location", "/compute/vms/" + vm.vmId()).body(view(vm));
    }

    @Requires(Role.VIEWER)
    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(defaultValue = "100") int limit,
                                          @RequestParam(defaultValue = "0") int offset, Caller caller) {
        int size = Math.clamp(limit, 1, 1000);
        int skip = Math.max(0, offset);
        return ownership.visiblePage(Owned.VM, caller, "t.created_at, t.vm_id", size, skip)
                .map(ids -> ids.stream().map(vms::find).flatMap(Optional::stream).toList())
                .orElseGet(() -> vms.list(size, skip)).stream().map(VmsController::view).toList();
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id, Caller caller) {
        return view(find(id, caller));
    }

    /** Sets BACKUP_FREQUENCY_SECONDS and BACKUP_MARKETPLACE_ID; a frequency of null stops the VM's backups. */
    @PutMapping("/{id}/attributes")
    public Map<String, Object> setAttributes(@PathVariable String id, @RequestBody(required = false) String text,
                                             Caller caller) {
        VmRecord vm = owned(id, caller);
        JsonNode body = JsonBodies.object(json, text);
        List<String> problems = new ArrayList<>();
        BackupSchedule schedule = schedule(body, problems, caller);
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        vms.setBackupSchedule(vm.vmId(), schedule.frequency(), schedule.marketplaceId());
        return view(find(id, caller));
    }

    /** Starts a backup now (saga {@code backup-vm}), whatever the VM's schedule; the saga exists when this answers. */
    @PostMapping("/{id}/backup")
    @Transactional
    public ResponseEntity<Map<String, Object>> backUp(@PathVariable String id, Caller caller) {
        VmRecord vm = owned(id, caller);
        String sagaId = UUID.randomUUID().toString();
        String marketplaceId;
        try {
            marketplaceId = backups.claimNow(vm.vmId(), sagaId, properties.backup().staleAfter(), Instant.now())
                    .orElseThrow(() -> RequestRefusedException.notFound("VM " + id));
        } catch (IllegalStateException refused) {
            throw RequestRefusedException.conflict(refused.getMessage());
        }
        starter.start(TriggerType.BACKUP_VM, SOURCE, vm.vmId(), json.createObjectNode().put("vmId", vm.vmId())
                .put("marketplaceId", marketplaceId), sagaId, caller);
        return ResponseEntity.accepted().header("Location", "/sagas/" + sagaId)
                .body(Map.of("vmId", vm.vmId(), "sagaId", sagaId));
    }

    private BackupSchedule schedule(JsonNode attributes, List<String> problems, Caller caller) {
        JsonNode frequency = attributes.path(FREQUENCY);
        Long seconds = null;
        if (!frequency.isMissingNode() && !frequency.isNull()) {
            String text = frequency.asString("");
            seconds = text.matches("[1-9][0-9]{0,9}") ? Long.valueOf(text) : null;
            if (seconds == null) {
                problems.add(FREQUENCY + " must be a whole number of seconds, 1 or more");
            }
        }
        String marketplace = attributes.path(MARKETPLACE).asString(null);
        String marketplaceId = null;
        if (marketplace != null) {
            marketplaceId = marketplaces.find(marketplace).map(found -> found.marketplaceId())
                    .filter(found -> ownership.visible(Owned.MARKETPLACE, found, caller)).orElse(null);
            if (marketplaceId == null) {
                problems.add(MARKETPLACE + " must name a marketplace (by id or name)");
            }
        } else if (seconds != null) {
            problems.add(MARKETPLACE + " is required with " + FREQUENCY + ": backups go to that marketplace");
        }
        return new BackupSchedule(seconds, marketplaceId);
    }

    private VmRecord find(String id, Caller caller) {
        return Ids.valid(id) && ownership.visible(Owned.VM, id, caller)
                ? vms.find(id).orElseThrow(() -> RequestRefusedException.notFound("VM " + id))
                : Ids.notFound("VM", id);
    }

    /** A VM the caller may change: its tenant's own; one merely shared with it is refused as if absent. */
    private VmRecord owned(String id, Caller caller) {
        VmRecord vm = find(id, caller);
        if (!ownership.owns(Owned.VM, id, caller)) {
            throw RequestRefusedException.notFound("VM " + id + " of your tenant");
        }
        return vm;
    }

    static Map<String, Object> view(VmRecord vm) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        vm.attributes().properties().forEach(entry -> attributes.put(entry.getKey(), entry.getValue()));
        VmBackup backup = vm.backup();
        attributes.put(FREQUENCY, backup.frequencySeconds());
        attributes.put(MARKETPLACE, backup.marketplaceId());
        attributes.put("BACKUP_LAST_COPY_TIME", backup.lastCopyTime());
        attributes.put("BACKUP_MARKETPLACE_APP_ID", backup.appId());
        Map<String, Object> lastBackup = new LinkedHashMap<>();
        lastBackup.put("saga", backup.saga());
        lastBackup.put("result", backup.result());
        lastBackup.put("error", backup.error());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("vmId", vm.vmId());
        view.put("name", vm.name());
        view.put("driver", vm.driver());
        view.put("templateId", vm.templateId());
        view.put("state", vm.state());
        view.put("template", vm.template());
        view.put("disks", vm.disks());
        view.put("attributes", attributes);
        view.put("backup", lastBackup);
        return view;
    }

    private record BackupSchedule(Long frequency, String marketplaceId) {
    }
}
