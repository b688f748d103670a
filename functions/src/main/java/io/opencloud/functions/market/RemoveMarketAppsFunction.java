package io.opencloud.functions.market;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Removes apps from their marketplace, each with the apps its own import created for it: they are marked DELETING,
 * their objects deleted, then their index rows. The compensation of an import, and how a backup deletes the backup it
 * replaced.
 *
 * <p>Consumes {@code io.opencloud.market.remove.requested.v1}; produces {@code io.opencloud.market.remove.completed.v1},
 * or {@code io.opencloud.market.remove.failed.v1} (retryable) when the marketplace cannot be reached: an app is never
 * dropped from the index while its objects may remain. Idempotent: an app that does not exist is removed already.
 * An app that is a VM's current backup is kept: a backup whose last step failed after recording its app must not
 * lose it to its own compensation.
 */
@Component("removeMarketApps")
public class RemoveMarketAppsFunction implements Function<Message<RemoveAppsRequest>, AppsRemoved> {

    private static final Logger log = LoggerFactory.getLogger(RemoveMarketAppsFunction.class);

    private final MarketApps apps;
    private final Marketplaces marketplaces;
    private final MarketplaceStorage storage;

    RemoveMarketAppsFunction(MarketApps apps, Marketplaces marketplaces, MarketplaceStorage storage) {
        this.apps = apps;
        this.marketplaces = marketplaces;
        this.storage = storage;
    }

    @Override
    public AppsRemoved apply(Message<RemoveAppsRequest> command) {
        List<String> removed = new ArrayList<>();
        for (String appId : command.getPayload().appIds()) {
            var app = apps.find(appId);
            if (app.isEmpty()) {
                continue;
            }
            List<AppRecord> group = apps.withOwnApps(app.get());
            if (apps.holdsABackup(group)) {
                log.warn("App {} is a VM's current backup; it is kept ({})", appId, command.getPayload().reason());
                continue;
            }
            apps.markDeleting(group);
            for (AppRecord member : group) {
                storage.deleteApp(marketplaces.require(member.marketplaceId()), member.appId());
                apps.delete(member.appId());
                removed.add(member.appId());
            }
        }
        if (!removed.isEmpty()) {
            log.info("Removed marketplace apps {} ({})", removed, command.getPayload().reason());
        }
        return new AppsRemoved(removed);
    }
}
