package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saga {@code market-delete}, started by {@code io.opencloud.market.delete.requested.v1} ({@code DELETE /apps/{id}}):
 * removes the app, with the apps its import created for it. The removal is retried while the marketplace cannot be
 * reached; an app is never dropped from the index while its objects may remain.
 */
@Configuration
public class MarketDeleteSaga {

    public static final String TYPE = "market-delete";

    @Bean
    SagaDefinition marketDelete(
            JsonMapper json,
            @Value("${opencloud.sagas.market-delete.deadline:PT1H}") Duration deadline,
            @Value("${opencloud.sagas.market-delete.step-timeout:PT5M}") Duration timeout) {
        return new SagaDefinition(TYPE, List.of(SagaStep.of("remove", Operation.REMOVE_MARKET_APPS, context -> {
            ObjectNode data = json.createObjectNode();
            data.putArray("appIds").add(context.trigger().path("appId").asString());
            return data.put("reason", context.trigger().path("reason").asString("deleted through the API"));
        }, new RetryPolicy(5, Duration.ofSeconds(2), 2.0), timeout)), deadline);
    }
}
