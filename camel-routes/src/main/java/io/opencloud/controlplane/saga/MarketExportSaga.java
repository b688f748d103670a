package io.opencloud.controlplane.saga;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The saga {@code market-export}, started by {@code io.opencloud.market.export.requested.v1}: resolve the app and the
 * apps it references, fetch each IMAGE app into the inventory (checked against its checksum), then create the VM
 * templates and service template. Its last reply names every object created; a failure deletes all of them.
 */
@Configuration
public class MarketExportSaga {

    public static final String TYPE = "market-export";

    @Bean
    SagaDefinition marketExport(
            JsonMapper json,
            @Value("${opencloud.sagas.market-export.deadline:PT6H}") Duration deadline,
            @Value("${opencloud.sagas.market-export.step-timeout:PT2M}") Duration timeout,
            @Value("${opencloud.sagas.market-export.fetch-timeout:PT1H}") Duration fetchTimeout,
            @Value("${opencloud.sagas.market-export.fetch-parallelism:2}") int parallelism) {
        return new SagaDefinition(TYPE, MarketSteps.exporting(json,
                context -> context.trigger().path("appId").asString(),
                context -> context.trigger().path("name").asString(null),
                context -> context.trigger().path("recursive").asBoolean(true), parallelism, timeout, fetchTimeout),
                deadline);
    }
}
