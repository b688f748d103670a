package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import io.opencloud.functions.market.AppIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saga {@code backup-vm}, started for one VM by the backup sweep ({@code io.opencloud.compute.backup.requested.v1}):
 * power off, save the disks as images, resume, import the saved VM template into the backup marketplace (prepare,
 * upload, publish), delete the saved copy from the inventory, record the new app as the VM's backup, and delete the
 * backup it replaces. A failure at any step resumes the VM, removes what the backup created and keeps the previous
 * backup as the VM's; the saga then ends COMPENSATED (or FAILED, when even that could not be done), never COMPLETED.
 */
@Configuration
public class BackupVmSaga {

    public static final String TYPE = "backup-vm";

    @Bean
    SagaDefinition backupVm(
            JsonMapper json,
            @Value("${opencloud.sagas.backup-vm.deadline:PT2H}") Duration deadline,
            @Value("${opencloud.sagas.backup-vm.step-timeout:PT2M}") Duration timeout,
            @Value("${opencloud.sagas.backup-vm.copy-timeout:PT1H}") Duration copyTimeout) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), 2.0);
        List<SagaStep> steps = new ArrayList<>();
        steps.add(SagaStep.of("poweroff", Operation.POWER_OFF_VM, context -> vm(json, context), retry, timeout)
                .compensatedBy(Operation.RESUME_VM, context -> vm(json, context)));
        steps.add(SagaStep.of("save", Operation.SAVE_VM, context -> vm(json, context), retry, copyTimeout)
                .compensatedBy(Operation.DISCARD_COMPUTE_OBJECTS, context -> json.createObjectNode()
                        .put("reason", "backup " + context.sagaId() + " was compensated")));
        steps.add(SagaStep.of("resume", Operation.RESUME_VM, context -> vm(json, context), retry, timeout));
        steps.addAll(MarketSteps.importing(json, context -> json.createObjectNode()
                .put("marketplaceId", context.trigger().path("marketplaceId").asString())
                .put("kind", "VMTEMPLATE")
                .put("objectId", savedTemplate(context))
                .put("recursive", true)
                .putNull("name")
                .put("description", "Backup of VM " + context.trigger().path("vmId").asString())
                .put("publisher", "opencloud backup")
                .putNull("version"), 1, timeout, copyTimeout));
        steps.add(SagaStep.of("cleanup", Operation.DISCARD_COMPUTE_OBJECTS, context -> json.createObjectNode()
                .put("reason", "backup " + context.sagaId() + " is in the marketplace"), retry, timeout));
        steps.add(SagaStep.of("record", Operation.RECORD_BACKUP, context -> vm(json, context)
                        .put("appId", newApp(context)), retry, timeout)
                .compensatedBy(Operation.UNRECORD_BACKUP, context -> vm(json, context).put("appId", newApp(context))));
        steps.add(SagaStep.of("prune", Operation.REMOVE_MARKET_APPS, context -> {
            ObjectNode data = json.createObjectNode();
            JsonNode previous = context.data().path("results").path("record").path("previousAppId");
            var appIds = data.putArray("appIds");
            if (previous.isString()) {
                appIds.add(previous.asString());
            }
            return data.put("reason", "replaced by the backup of saga " + context.sagaId());
        }, new RetryPolicy(5, Duration.ofSeconds(2), 2.0), timeout));
        return new SagaDefinition(TYPE, steps, deadline);
    }

    private static ObjectNode vm(JsonMapper json, SagaContext context) {
        return json.createObjectNode().put("vmId", context.trigger().path("vmId").asString());
    }

    private static String savedTemplate(SagaContext context) {
        return context.data().path("results").path("save").path("templateId").asString();
    }

    private static String newApp(SagaContext context) {
        return AppIds.imported(context.sagaId(), "VMTEMPLATE", savedTemplate(context));
    }
}
