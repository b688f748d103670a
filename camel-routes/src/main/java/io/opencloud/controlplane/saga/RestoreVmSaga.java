package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga {@code restore-vm}, started by {@code io.opencloud.compute.restore.requested.v1}: export a backup (or any
 * VMTEMPLATE) app into the inventory as market-export does, then create a VM from the template. A failure deletes the
 * VM, template and images the restore created.
 */
@Configuration
public class RestoreVmSaga {

    public static final String TYPE = "restore-vm";

    @Bean
    SagaDefinition restoreVm(
            JsonMapper json,
            @Value("${opencloud.sagas.restore-vm.deadline:PT6H}") Duration deadline,
            @Value("${opencloud.sagas.restore-vm.step-timeout:PT2M}") Duration timeout,
            @Value("${opencloud.sagas.restore-vm.fetch-timeout:PT1H}") Duration fetchTimeout,
            @Value("${opencloud.sagas.restore-vm.create-timeout:PT1H}") Duration createTimeout) {
        List<SagaStep> steps = new ArrayList<>(MarketSteps.exporting(json,
                context -> context.trigger().path("appId").asString(),
                context -> context.trigger().path("name").asString(), context -> true, 2, timeout, fetchTimeout));
        steps.add(SagaStep.of("create", Operation.CREATE_VM, context -> json.createObjectNode()
                        .put("templateId", context.data().path("results").path("unpack").path("objectId").asString())
                        .put("name", context.trigger().path("name").asString()),
                new RetryPolicy(3, Duration.ofSeconds(1), 2.0), createTimeout));
        return new SagaDefinition(TYPE, steps, deadline);
    }
}
