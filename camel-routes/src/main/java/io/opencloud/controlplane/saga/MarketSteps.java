package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import io.opencloud.functions.market.AppIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps a marketplace import and export are made of, shared by the sagas that import (market-import, backup-vm)
 * and export (market-export, restore-vm). An import's compensation removes every app it created; an export's deletes
 * every inventory object it created; so a failure half-way leaves neither half-imported apps nor half-exported objects.
 */
final class MarketSteps {

    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), 2.0);

    private MarketSteps() {
    }

    /** What to import: marketplaceId, kind, objectId, name, recursive, description, publisher, version. */
    static List<SagaStep> importing(JsonMapper json, Function<SagaContext, ObjectNode> request, int parallelism,
                                    Duration timeout, Duration uploadTimeout) {
        return List.of(
                SagaStep.of("prepare", Operation.PREPARE_MARKET_IMPORT, request::apply, RETRY, timeout)
                        .compensatedBy(Operation.REMOVE_MARKET_APPS, context -> {
                            ObjectNode planned = request.apply(context);
                            ObjectNode data = json.createObjectNode();
                            data.putArray("appIds").add(AppIds.imported(context.sagaId(),
                                    planned.path("kind").asString(), planned.path("objectId").asString()));
                            return data.put("reason", "saga " + context.sagaId() + " was compensated");
                        }),
                SagaStep.forEach("upload", Operation.UPLOAD_IMAGE_APP, context -> items(context, "prepare", "uploads"),
                        parallelism, RETRY, uploadTimeout),
                SagaStep.of("publish", Operation.PUBLISH_MARKET_APPS, context -> json.createObjectNode()
                        .put("rootAppId", context.data().path("results").path("prepare").path("rootAppId")
                                .asString()), RETRY, timeout));
    }

    /**
     * Exports {@code appId}, with what it references when {@code recursive}; {@code name} (or null) names what the app
     * becomes.
     */
    static List<SagaStep> exporting(JsonMapper json, Function<SagaContext, String> appId,
                                    Function<SagaContext, String> name, Predicate<SagaContext> recursive,
                                    int parallelism, Duration timeout, Duration fetchTimeout) {
        return List.of(
                SagaStep.of("resolve", Operation.RESOLVE_MARKET_EXPORT, context -> json.createObjectNode()
                                .put("appId", appId.apply(context)).put("recursive", recursive.test(context)), RETRY,
                                timeout)
                        .compensatedBy(Operation.DISCARD_COMPUTE_OBJECTS, context -> json.createObjectNode()
                                .put("reason", "saga " + context.sagaId() + " was compensated")),
                SagaStep.forEach("fetch", Operation.FETCH_IMAGE_APP, context -> items(context, "resolve", "fetches"),
                        parallelism, RETRY, fetchTimeout),
                SagaStep.of("unpack", Operation.UNPACK_TEMPLATE_APPS, context -> json.createObjectNode()
                        .put("appId", appId.apply(context)).put("recursive", recursive.test(context))
                        .put("name", name.apply(context)),
                        RETRY, timeout));
    }

    private static List<JsonNode> items(SagaContext context, String step, String member) {
        List<JsonNode> items = new ArrayList<>();
        context.data().path("results").path(step).path(member).forEach(items::add);
        return items;
    }
}
