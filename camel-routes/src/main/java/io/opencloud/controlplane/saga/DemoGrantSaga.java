package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demonstration saga {@code demo-grant}: issue a macaroon, then two demonstration steps (reserve, check) whose
 * failures the trigger can script. If a step fails for good, the check and the reservation are undone and the
 * macaroon revoked, in that order.
 */
@Configuration
public class DemoGrantSaga {

    public static final String TYPE = "demo-grant";

    /*
     * The step timeout must cover the time a command may wait in Kafka behind others, not only the function's own
     * work: under load a short timeout retries commands that are merely queued, and the retries add to the queue.
     */
    @Bean
    SagaDefinition demoGrant(JsonMapper json,
                             @Value("${opencloud.sagas.demo-grant.deadline:PT10M}") Duration deadline,
                             @Value("${opencloud.sagas.demo-grant.step-timeout:PT30S}") Duration timeout) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(200), 2.0);
        return new SagaDefinition(TYPE, List.of(
                SagaStep.of("issue", Operation.ISSUE_MACAROON, context -> {
                    ObjectNode data = json.createObjectNode();
                    data.set("resource", context.trigger().path("resource"));
                    data.set("action", context.trigger().path("action"));
                    data.set("ttlSeconds", context.trigger().path("ttlSeconds"));
                    return data;
                }, retry, timeout).compensatedBy(Operation.REVOKE_MACAROON,
                        context -> json.createObjectNode().put("sagaId", context.sagaId())),
                demoStep(json, "reserve", retry, timeout),
                demoStep(json, "check", retry, timeout)),
                deadline);
    }

    private static SagaStep demoStep(JsonMapper json, String name, RetryPolicy retry, Duration timeout) {
        return SagaStep.of(name, Operation.RUN_DEMO_STEP, context -> {
            JsonNode script = context.trigger().path("script").path(name);
            return json.createObjectNode().put("step", name)
                    .put("failTimes", script.path("failTimes").asInt(0))
                    .put("hang", script.path("hang").asBoolean(false));
        }, retry, timeout).compensatedBy(Operation.UNDO_DEMO_STEP, context -> json.createObjectNode()
                .put("step", name)
                .put("failTimes", context.trigger().path("script").path(name).path("undoFailTimes").asInt(0)));
    }
}
