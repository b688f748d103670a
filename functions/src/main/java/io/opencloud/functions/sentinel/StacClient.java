package io.opencloud.functions.sentinel;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.web.HttpDownloads;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Sentinel data provider's view of its catalog: a STAC API, asked with item search ({@code POST /search} with
 * the query and sort extensions) and for single items. The catalog is {@code opencloud.sentinel.catalog-url}; left
 * empty, it is the STAC API this very control plane serves, found at call time because its port is only known once
 * the web server runs.
 */
@Component
public class StacClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JsonMapper json;
    private final Environment environment;
    private final String configuredUrl;
    private final HttpDownloads http;

    public StacClient(JsonMapper json, Environment environment,
                      @Value("${opencloud.sentinel.catalog-url:}") String configuredUrl, HttpDownloads http) {
        this.http = http;
        this.json = json;
        this.environment = environment;
        this.configuredUrl = configuredUrl;
    }

    /** The scenes of a collection within the box and dates, no cloudier than the limit, least cloudy first. */
    public ScenesFound search(String collection, BoundingBox box, Instant from, Instant to, double maxCloudCover,
                              int limit) {
        ObjectNode body = json.createObjectNode();
        body.putArray("collections").add(collection);
        box.toList().forEach(body.putArray("bbox")::add);
        body.put("datetime", from + "/" + to);
        body.putObject("query").putObject("eo:cloud_cover").put("lte", maxCloudCover);
        body.putArray("sortby").addObject().put("field", "properties.eo:cloud_cover").put("direction", "asc");
        body.put("limit", limit);
        JsonNode page = send(HttpRequest.newBuilder(URI.create(catalogUrl() + "/search"))
                .header("Content-Type", "application/json").header("Accept", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).timeout(TIMEOUT).build())
                .orElseThrow(() -> new OperationFailedException("the STAC API at " + catalogUrl()
                        + " has no item search (404 on /search)", false));
        List<Scene> scenes = new ArrayList<>();
        page.path("features").forEach(feature -> scenes.add(scene(feature)));
        long matched = page.path("numberMatched").asLong(page.path("context").path("matched").asLong(scenes.size()));
        return new ScenesFound(matched, scenes);
    }

    /** One scene, or empty when the catalog has no such item in the collection. */
    public Optional<Scene> item(String collection, String id) {
        String path = "/collections/" + encode(collection) + "/items/" + encode(id);
        return send(HttpRequest.newBuilder(URI.create(catalogUrl() + path)).header("Accept", "application/geo+json")
                .GET().timeout(TIMEOUT).build()).map(this::scene);
    }

    private Optional<JsonNode> send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new OperationFailedException("the STAC API at " + catalogUrl() + " could not be reached", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while asking the STAC API", true, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new OperationFailedException("the STAC API answered " + request.method() + " " + request.uri()
                    + " with " + response.statusCode() + ": " + excerpt(response.body()),
                    response.statusCode() >= 500 || response.statusCode() == 429);
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (JacksonException e) {
            throw new OperationFailedException("the STAC API answered " + request.uri() + " with JSON it cannot read: "
                    + e.getOriginalMessage(), false, e);
        }
    }

    private Scene scene(JsonNode feature) {
        JsonNode properties = feature.path("properties");
        Map<String, SceneAsset> assets = new LinkedHashMap<>();
        feature.path("assets").properties().forEach(asset -> assets.put(asset.getKey(), new SceneAsset(
                asset.getValue().path("href").asString(), asset.getValue().path("type").asString(null))));
        List<Double> bbox = new ArrayList<>();
        feature.path("bbox").forEach(value -> bbox.add(value.asDouble()));
        return new Scene(feature.path("id").asString(), feature.path("collection").asString(null),
                Instant.parse(properties.path("datetime").asString()), properties.path("eo:cloud_cover").asDouble(),
                bbox, properties.path("s2:mgrs_tile").asString(null), properties.path("platform").asString(null), assets);
    }

    private String catalogUrl() {
        if (!configuredUrl.isBlank()) {
            return configuredUrl.endsWith("/") ? configuredUrl.substring(0, configuredUrl.length() - 1) : configuredUrl;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port + "/stac";
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
