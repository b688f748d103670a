package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import io.opencloud.functions.sentinel.ReservationIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saga {@code process-sentinel-images}, started by {@code io.opencloud.workflow.sentinel.requested.v1}: search the
 * scenes of an area and date range, reserve them (staging them into S3), get presigned URLs for them, convert each
 * one with the processing service (in parallel, a bounded number at a time), and push the results to the
 * destination bucket. On failure the pushed objects are removed, the outputs discarded and the reservation released,
 * in that order.
 *
 * <p>The outputs are written under {@code sagas/<saga id>} in the processing bucket, so that discarding them needs
 * nothing but the saga id, even when no conversion ever replied.
 */
@Configuration
public class ProcessSentinelImagesSaga {

    public static final String TYPE = "process-sentinel-images";

    /*
     * URLs stop a little before the reservation does, so that none outlives the scenes it points at; the command may
     * wait in Kafka (behind other work, or across a restart) while the reservation's time runs, so it also asks the
     * provider to cut the validity to the reservation's end rather than refuse it.
     */
    private static final Duration URL_MARGIN = Duration.ofSeconds(10);

    @Bean
    SagaDefinition processSentinelImages(
            JsonMapper json,
            @Value("${opencloud.sagas.process-sentinel-images.deadline:PT6H}") Duration deadline,
            @Value("${opencloud.sagas.process-sentinel-images.step-timeout:PT10M}") Duration timeout,
            @Value("${opencloud.sagas.process-sentinel-images.parallelism:4}") int parallelism,
            @Value("${opencloud.sagas.process-sentinel-images.url-validity:PT1H}") Duration urlValidity,
            @Value("${opencloud.processing.output-bucket:opencloud-processing}") String outputBucket) {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofSeconds(1), 2.0);
        return new SagaDefinition(TYPE, List.of(
                SagaStep.of("search", Operation.SEARCH_IMAGES, context -> search(json, context.trigger()), retry, timeout),
                SagaStep.of("reserve", Operation.RESERVE_IMAGES, context -> reserve(json, context), retry, timeout)
                        .compensatedBy(Operation.RELEASE_IMAGES, context -> json.createObjectNode()
                                .put("reservationId", ReservationIds.of(context.sagaId()))
                                .put("reason", "saga " + TYPE + " " + context.sagaId() + " was compensated")),
                SagaStep.of("urls", Operation.IMAGE_URLS, context -> urls(json, context, urlValidity), retry, timeout),
                SagaStep.forEach("convert", Operation.CONVERT_IMAGE,
                                context -> conversions(json, context, outputBucket), parallelism, retry, timeout)
                        .compensatedBy(Operation.DISCARD_OUTPUTS, context -> {
                            ObjectNode data = json.createObjectNode();
                            data.set("output", output(json, context, outputBucket));
                            return data;
                        }),
                SagaStep.of("push", Operation.PUSH_TO_STORAGE, context -> push(json, context), retry, timeout)
                        .compensatedBy(Operation.REMOVE_FROM_STORAGE, context -> remove(json, context))),
                deadline);
    }

    private static ObjectNode search(JsonMapper json, JsonNode trigger) {
        ObjectNode data = json.createObjectNode();
        copy(trigger, data, "collection", "bbox", "from", "to", "maxCloudCover");
        if (trigger.has("maxScenes")) {
            data.set("limit", trigger.get("maxScenes"));
        }
        return data;
    }

    private static ObjectNode reserve(JsonMapper json, SagaContext context) {
        ObjectNode data = json.createObjectNode();
        copy(context.trigger(), data, "collection");
        ArrayNode scenes = data.putArray("scenes");
        context.data().path("results").path("search").path("scenes")
                .forEach(scene -> scenes.add(scene.path("id").asString()));
        long seconds = context.trigger().path("reserveForSeconds").asLong(3600);
        data.put("expiresAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds).toString());
        data.put("execution", context.sagaId());
        return data;
    }

    private static ObjectNode urls(JsonMapper json, SagaContext context, Duration urlValidity) {
        JsonNode reservation = context.data().path("results").path("reserve");
        Instant expiresAt = Instant.parse(reservation.path("expiresAt").asString());
        long untilExpiry = Duration.between(Instant.now(), expiresAt.minus(URL_MARGIN)).toSeconds();
        return json.createObjectNode().put("reservationId", reservation.path("reservationId").asString())
                .put("validForSeconds", Math.max(1, Math.min(urlValidity.toSeconds(), untilExpiry)))
                .put("clipToReservation", true);
    }

    private static List<JsonNode> conversions(JsonMapper json, SagaContext context, String outputBucket) {
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode scene : context.data().path("results").path("urls").path("scenes")) {
            JsonNode assets = scene.path("assets");
            for (JsonNode asset : assets) {
                String name = assets.size() == 1 ? scene.path("id").asString()
                        : scene.path("id").asString() + "_" + asset.path("asset").asString();
                ObjectNode item = json.createObjectNode();
                item.putObject("source").put("url", asset.path("url").asString()).put("name", name)
                        .put("sha256", asset.path("sha256").asString());
                if (context.trigger().has("formats")) {
                    item.set("formats", context.trigger().get("formats"));
                }
                item.set("output", output(json, context, outputBucket));
                items.add(item);
            }
        }
        return items;
    }

    private static ObjectNode output(JsonMapper json, SagaContext context, String outputBucket) {
        return json.createObjectNode().put("bucket", outputBucket).put("prefix", "sagas/" + context.sagaId());
    }

    private static ObjectNode push(JsonMapper json, SagaContext context) {
        ObjectNode data = json.createObjectNode();
        ArrayNode objects = data.putArray("objects");
        for (JsonNode conversion : context.data().path("results").path("convert").path("items")) {
            for (JsonNode output : conversion.path("outputs")) {
                objects.addObject().put("bucket", output.path("bucket").asString())
                        .put("key", output.path("key").asString())
                        .put("sha256", output.path("sha256").asString())
                        .put("name", fileName(output))
                        .put("contentType", output.path("contentType").asString());
            }
        }
        data.set("destination", context.trigger().path("destination"));
        return data;
    }

    private static ObjectNode remove(JsonMapper json, SagaContext context) {
        ObjectNode data = json.createObjectNode();
        ArrayNode names = data.putArray("names");
        for (JsonNode conversion : context.data().path("results").path("convert").path("items")) {
            conversion.path("outputs").forEach(output -> names.add(fileName(output)));
        }
        data.set("destination", context.trigger().path("destination"));
        return data;
    }

    private static String fileName(JsonNode output) {
        String key = output.path("key").asString();
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }
}
