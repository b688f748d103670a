package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga {@code destroy-provision}, started by {@code io.opencloud.provision.delete.requested.v1} (which
 * {@code DELETE /provisions/{id}} and the orphan sweep send): terraform destroy from the provision's latest saved
 * state, which works after a failed apply too, retried until the state is empty. The provision ends DONE, or in ERROR
 * with the cause when the destroy keeps failing.
 */
@Configuration
public class DestroyProvisionSaga {

    public static final String TYPE = "destroy-provision";

    @Bean
    SagaDefinition destroyProvision(
            JsonMapper json,
            @Value("${opencloud.sagas.destroy-provision.deadline:PT2H}") Duration deadline,
            @Value("${opencloud.sagas.destroy-provision.timeout:PT35M}") Duration timeout,
            @Value("${opencloud.sagas.destroy-provision.attempts:5}") int attempts) {
        return new SagaDefinition(TYPE, List.of(
                SagaStep.of("destroy", Operation.TERRAFORM_DESTROY, context -> json.createObjectNode()
                                .put("provisionId", context.trigger().path("provisionId").asString())
                                .put("reason", context.trigger().path("reason").asString("deleted")),
                        new RetryPolicy(attempts, Duration.ofSeconds(2), 2.0), timeout)),
                deadline);
    }
}
