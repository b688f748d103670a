package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
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
 * The saga {@code provision-infrastructure}, started by {@code io.opencloud.provision.create.requested.v1} (which
 * {@code POST /provisions} sends): terraform init, plan, apply, then configure each host the apply created. The apply
 * is retried on its own, each attempt resuming from the state the previous one saved, instead of redoing the whole
 * provision; when its retries run out, or a host never becomes healthy, everything the provision's state holds is
 * destroyed and the provision ends in ERROR with the cause.
 */
@Configuration
public class ProvisionInfrastructureSaga {

    public static final String TYPE = "provision-infrastructure";
    /** From this step on, the provision is CONFIGURING rather than DEPLOYING. */
    public static final String CONFIGURE_STEP = "configure";

    @Bean
    SagaDefinition provisionInfrastructure(
            JsonMapper json,
            @Value("${opencloud.sagas.provision-infrastructure.deadline:PT2H}") Duration deadline,
            @Value("${opencloud.sagas.provision-infrastructure.step-timeout:PT5M}") Duration timeout,
            @Value("${opencloud.sagas.provision-infrastructure.apply-timeout:PT35M}") Duration applyTimeout,
            @Value("${opencloud.sagas.provision-infrastructure.apply-attempts:3}") int applyAttempts,
            @Value("${opencloud.sagas.provision-infrastructure.apply-backoff:PT2S}") Duration applyBackoff,
            @Value("${opencloud.sagas.provision-infrastructure.configure-parallelism:8}") int configureParallelism,
            @Value("${opencloud.sagas.provision-infrastructure.configure-attempts:5}") int configureAttempts) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), 2.0);
        return new SagaDefinition(TYPE, List.of(
                SagaStep.of("init", Operation.TERRAFORM_INIT, context -> provision(json, context), retry, timeout),
                SagaStep.of("plan", Operation.TERRAFORM_PLAN, context -> provision(json, context), retry, timeout),
                SagaStep.of("apply", Operation.TERRAFORM_APPLY_STEP, context -> provision(json, context),
                                new RetryPolicy(applyAttempts, applyBackoff, 2.0), applyTimeout)
                        .compensatedBy(Operation.TERRAFORM_DESTROY, context -> provision(json, context)
                                .put("reason", "saga " + TYPE + " " + context.sagaId() + " was compensated")),
                SagaStep.forEach(CONFIGURE_STEP, Operation.CONFIGURE_HOST, context -> hosts(json, context),
                        configureParallelism, new RetryPolicy(configureAttempts, Duration.ofSeconds(1), 2.0), timeout)),
                deadline);
    }

    private static ObjectNode provision(JsonMapper json, SagaContext context) {
        return json.createObjectNode().put("provisionId", context.trigger().path("provisionId").asString());
    }

    private static List<JsonNode> hosts(JsonMapper json, SagaContext context) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode host : context.data().path("results").path("apply").path("hosts")) {
            items.add(provision(json, context).put("host", host.path("name").asString()));
        }
        return items;
    }
}
