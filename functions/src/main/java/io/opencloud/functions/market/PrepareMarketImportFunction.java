package io.opencloud.functions.market;

import io.opencloud.functions.CommandHeaders;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Plans a marketplace import: the app the VM, VM template, service template or image becomes and, when recursive,
 * an app for every VM template and image it references; all are indexed IMPORTING in one transaction, none is READY
 * before the import publishes them. The network details of the source installation are left out of templates.
 *
 * <p>Consumes {@code io.opencloud.market.prepare.requested.v1}; produces
 * {@code io.opencloud.market.prepare.completed.v1}, or {@code io.opencloud.market.prepare.failed.v1}: not retryable
 * when the marketplace or an object does not exist, or a VM to import is running. Idempotent: app ids derive from the
 * saga and the objects, and apps already indexed are kept.
 */
@Component("prepareMarketImport")
public class PrepareMarketImportFunction implements Function<Message<PrepareImportRequest>, ImportPrepared> {

    private final Marketplaces marketplaces;
    private final MarketApps apps;
    private final ImportPlanner planner;

    PrepareMarketImportFunction(Marketplaces marketplaces, MarketApps apps, ImportPlanner planner) {
        this.marketplaces = marketplaces;
        this.apps = apps;
        this.planner = planner;
    }

    @Override
    public ImportPrepared apply(Message<PrepareImportRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        PrepareImportRequest request = command.getPayload();
        ImportPlanner.Plan plan = planner.plan(sagaId, marketplaces.require(request.marketplaceId()), request);
        apps.insertAll(plan.apps());
        return plan.prepared();
    }
}
