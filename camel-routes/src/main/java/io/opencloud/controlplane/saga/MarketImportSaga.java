package io.opencloud.controlplane.saga;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saga {@code market-import}, started by {@code io.opencloud.market.import.requested.v1}: prepare the apps a VM,
 * VM template, service template or image becomes, upload each IMAGE app's bytes, then publish them all READY at once.
 * A failure removes every app the import created.
 */
@Configuration
public class MarketImportSaga {

    public static final String TYPE = "market-import";

    @Bean
    SagaDefinition marketImport(
            JsonMapper json,
            @Value("${opencloud.sagas.market-import.deadline:PT6H}") Duration deadline,
            @Value("${opencloud.sagas.market-import.step-timeout:PT2M}") Duration timeout,
            @Value("${opencloud.sagas.market-import.upload-timeout:PT1H}") Duration uploadTimeout,
            @Value("${opencloud.sagas.market-import.upload-parallelism:2}") int parallelism) {
        return new SagaDefinition(TYPE, MarketSteps.importing(json, context -> request(json, context.trigger()),
                parallelism, timeout, uploadTimeout), deadline);
    }

    private static ObjectNode request(JsonMapper json, JsonNode trigger) {
        ObjectNode request = json.createObjectNode()
                .put("marketplaceId", trigger.path("marketplaceId").asString())
                .put("kind", trigger.path("kind").asString())
                .put("objectId", trigger.path("objectId").asString())
                .put("recursive", trigger.path("recursive").asBoolean(true));
        for (String optional : new String[] {"name", "description", "publisher", "version"}) {
            request.put(optional, trigger.path(optional).asString(null));
        }
        return request;
    }
}
