package io.opencloud.functions.market;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Sha256;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes an import: every app gets its final manifest in the marketplace (an IMAGE's with its disk's size and
 * SHA-256, a VMTEMPLATE's with the checksums of its IMAGE apps, a SERVICE_TEMPLATE's with those of its VMTEMPLATE
 * apps), then all of them become READY in one transaction.
 *
 * <p>Consumes {@code io.opencloud.market.publish.requested.v1}; produces
 * {@code io.opencloud.market.publish.completed.v1}, or {@code io.opencloud.market.publish.failed.v1}: retryable when the
 * marketplace cannot be reached, not retryable when an IMAGE app was never uploaded. Idempotent.
 */
@Component("publishMarketApps")
public class PublishMarketAppsFunction implements Function<Message<PublishRequest>, AppsPublished> {

    private static final List<String> ORDER = List.of(AppRecord.IMAGE, AppRecord.VMTEMPLATE,
            AppRecord.SERVICE_TEMPLATE);

    private final MarketApps apps;
    private final Marketplaces marketplaces;
    private final MarketplaceStorage storage;
    private final JsonMapper json;

    PublishMarketAppsFunction(MarketApps apps, Marketplaces marketplaces, MarketplaceStorage storage,
                              JsonMapper json) {
        this.apps = apps;
        this.marketplaces = marketplaces;
        this.storage = storage;
        this.json = json;
    }

    @Override
    public AppsPublished apply(Message<PublishRequest> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        List<AppRecord> imported = new ArrayList<>(apps.importedBy(sagaId));
        if (imported.isEmpty()) {
            throw new OperationFailedException("saga " + sagaId + " prepared no apps to publish", false);
        }
        imported.sort(Comparator.comparing(app -> ORDER.indexOf(app.type())));
        List<String> ids = imported.stream().map(AppRecord::appId).toList();
        if (imported.stream().allMatch(app -> AppRecord.READY.equals(app.state()))) {
            return new AppsPublished(command.getPayload().rootAppId(), ids);
        }
        MarketplaceRecord marketplace = marketplaces.require(imported.getFirst().marketplaceId());
        Map<String, String> checksums = new HashMap<>();
        List<AppRecord> published = new ArrayList<>();
        for (AppRecord app : imported) {
            if (AppRecord.IMAGE.equals(app.type()) && app.sha256() == null) {
                throw new OperationFailedException("image app " + app.appId() + " was never uploaded", false);
            }
            ObjectNode manifest = ((ObjectNode) app.manifest()).deepCopy();
            manifest.remove(ImportPlanner.SOURCE);
            fillChecksums(manifest.path("DISKS"), checksums);
            fillChecksums(manifest.path("SERVICE_TEMPLATE").path("roles"), checksums);
            byte[] bytes = json.writeValueAsBytes(manifest);
            String manifestSha = Sha256.of(bytes);
            checksums.put(app.appId(), AppRecord.IMAGE.equals(app.type()) ? app.sha256() : manifestSha);
            storage.putManifest(marketplace, app.appId(), bytes);
            published.add(new AppRecord(app.appId(), app.marketplaceId(), app.name(), app.type(), app.description(),
                    app.publisher(), app.version(), AppRecord.READY, manifest,
                    AppRecord.IMAGE.equals(app.type()) ? app.sizeBytes() : Long.valueOf(bytes.length),
                    checksums.get(app.appId()), app.importSaga(), app.rootAppId()));
        }
        apps.publish(published);
        return new AppsPublished(command.getPayload().rootAppId(), ids);
    }

    private static void fillChecksums(JsonNode references, Map<String, String> checksums) {
        for (JsonNode reference : references) {
            String appId = reference.path("APP_ID").asString(null);
            if (appId != null && reference instanceof ObjectNode node) {
                node.put("SHA256", checksums.get(appId));
            }
        }
    }
}
