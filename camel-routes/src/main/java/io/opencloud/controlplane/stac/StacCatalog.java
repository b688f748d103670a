package io.opencloud.controlplane.stac;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The STAC catalog the control plane serves, read once at start-up from the JSON files under
 * {@code opencloud.stac.catalog}: Spring resource locations, comma-separated ({@code classpath:stac/sample/}, the
 * sample shipped with the project, by default; {@code file:/srv/stac/} for a directory). Collections are the files of type Collection,
 * items those of type Feature; an item's assets are the files its relative hrefs point at.
 */
@Component
public class StacCatalog {

    private static final Logger log = LoggerFactory.getLogger(StacCatalog.class);

    private final List<String> locations;
    private final Map<String, ObjectNode> collections = new LinkedHashMap<>();
    private final Map<String, Map<String, StacItem>> items = new LinkedHashMap<>();

    public StacCatalog(JsonMapper json,
                       @Value("${opencloud.stac.catalog:classpath:stac/sample/}") List<String> locations) {
        this.locations = locations.stream().map(l -> l.endsWith("/") ? l : l + "/").toList();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : this.locations) {
            try {
                for (Resource resource : resolver.getResources(location + "**/*.json")) {
                    read(json, resource);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the STAC catalog at " + location + " could not be read", e);
            }
        }
        log.info("STAC catalog {}: {} collection(s), {} item(s)", this.locations, collections.size(),
                items.values().stream().mapToInt(Map::size).sum());
    }

    private void read(JsonMapper json, Resource resource) throws IOException {
        JsonNode node;
        try (InputStream in = resource.getInputStream()) {
            node = json.readTree(in);
        }
        switch (node.path("type").asString("")) {
            case "Collection" -> collections.putIfAbsent(node.path("id").asString(), (ObjectNode) node);
            case "Feature" -> items.computeIfAbsent(node.path("collection").asString(), c -> new LinkedHashMap<>())
                    .put(node.path("id").asString(), new StacItem((ObjectNode) node, resource));
            default -> {
                // Catalogs and other documents only link the collections, which are read directly.
            }
        }
    }

    public Collection<ObjectNode> collections() {
        return collections.values();
    }

    public Optional<ObjectNode> collection(String id) {
        return Optional.ofNullable(collections.get(id));
    }

    public Optional<StacItem> item(String collection, String id) {
        return Optional.ofNullable(items.getOrDefault(collection, Map.of()).get(id));
    }

    public List<StacItem> items() {
        List<StacItem> all = new ArrayList<>();
        items.values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    /** An item and the file it was read from, which its relative asset hrefs resolve against. */
    public record StacItem(ObjectNode item, Resource file) {

        public String id() {
            return item.path("id").asString();
        }

        public String collection() {
            return item.path("collection").asString();
        }

        /** The asset file whose name is {@code fileName}, if one of the item's assets points at it. */
        public Optional<Resource> assetFile(String fileName) {
            for (JsonNode asset : item.path("assets")) {
                String href = asset.path("href").asString("");
                if (!href.contains("://") && href.substring(href.lastIndexOf('/') + 1).equals(fileName)) {
                    try {
                        return Optional.of(file.createRelative(href)).filter(Resource::exists);
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }
}
