package io.opencloud.controlplane.stac;

import io.opencloud.controlplane.access.Public;
import io.opencloud.controlplane.stac.StacCatalog.StacItem;
import io.opencloud.functions.web.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A STAC API over the catalog the control plane serves: landing page, conformance, collections, items, item search
 * (GET and POST) and the asset files. Documents are served with absolute links built from the request's own base URL,
 * so the catalog works behind any host name and port.
 */
@RestController
@Public("the STAC catalog lists public Earth observation scenes; the Sentinel functions read it too")
@RequestMapping("/stac")
public class StacController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final List<String> CONFORMANCE = List.of(
            "https://api.stacspec.org/v1.0.0/core",
            "https://api.stacspec.org/v1.0.0/collections",
            "https://api.stacspec.org/v1.0.0/ogcapi-features",
            "https://api.stacspec.org/v1.0.0/item-search",
            "https://api.stacspec.org/v1.0.0/item-search#query",
            "https://api.stacspec.org/v1.0.0/item-search#sort",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");

    private final StacCatalog catalog;
    private final JsonMapper json;

    public StacController(StacCatalog catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode landing() {
        String base = base();
        ObjectNode landing = json.createObjectNode().put("type", "Catalog").put("stac_version", "1.0.0")
                .put("id", "opencloud").put("title", "Open Cloud STAC API")
                .put("description", "Scenes of the Sentinel data provider of this control plane");
        CONFORMANCE.forEach(landing.putArray("conformsTo")::add);
        ArrayNode links = landing.putArray("links");
        link(links, "self", base, "application/json");
        link(links, "root", base, "application/json");
        link(links, "conformance", base + "/conformance", "application/json");
        link(links, "data", base + "/collections", "application/json");
        link(links, "search", base + "/search", "application/geo+json").put("method", "GET");
        link(links, "search", base + "/search", "application/geo+json").put("method", "POST");
        catalog.collections().forEach(c -> link(links, "child", base + "/collections/" + c.path("id").asString(),
                "application/json"));
        return landing;
    }

    @GetMapping(path = "/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode conformance() {
        ObjectNode body = json.createObjectNode();
        CONFORMANCE.forEach(body.putArray("conformsTo")::add);
        return body;
    }

    @GetMapping(path = "/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    public ObjectNode collections() {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("collections");
        catalog.collections().forEach(c -> list.add(served(c)));
        link(body.putArray("links"), "self", base() + "/collections", "application/json");
        return body;
    }

    @GetMapping(path = "/collections/{collection}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> collection(@PathVariable String collection) {
        return catalog.collection(collection).<ResponseEntity<?>>map(c -> ResponseEntity.ok(served(c)))
                .orElseGet(() -> notFound("no collection " + collection));
    }

    @GetMapping(path = "/collections/{collection}/items")
    public ResponseEntity<?> items(@PathVariable String collection,
                                   @RequestParam Map<String, String> parameters) {
        if (catalog.collection(collection).isEmpty()) {
            return notFound("no collection " + collection);
        }
        ObjectNode body = searchBody(parameters);
        body.putArray("collections").add(collection);
        return search(body);
    }

    @GetMapping(path = "/collections/{collection}/items/{id}")
    public ResponseEntity<?> item(@PathVariable String collection, @PathVariable String id) {
        return catalog.item(collection, id).<ResponseEntity<?>>map(item -> ResponseEntity.ok().contentType(GEO_JSON)
                .body(served(item))).orElseGet(() -> notFound("no item " + id + " in collection " + collection));
    }

    @GetMapping(path = "/search")
    public ResponseEntity<?> searchByGet(@RequestParam Map<String, String> parameters) {
        return search(searchBody(parameters));
    }

    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> searchByPost(@RequestBody byte[] body) {
        JsonNode search;
        try {
            search = json.readTree(body);
        } catch (JacksonException e) {
            throw new StacSearchException("the search body is not JSON: " + e.getOriginalMessage());
        }
        if (!search.isObject()) {
            throw new StacSearchException("the search body must be a JSON object");
        }
        return search((ObjectNode) search);
    }

    @GetMapping(path = "/files/{collection}/{id}/{file}")
    public ResponseEntity<?> file(@PathVariable String collection, @PathVariable String id, @PathVariable String file) {
        return catalog.item(collection, id).flatMap(item -> item.assetFile(file))
                .<ResponseEntity<?>>map(resource -> ResponseEntity.ok().contentType(mediaType(file)).body(resource))
                .orElseGet(() -> notFound("no asset file " + file + " of item " + id + " in collection " + collection));
    }

    @ExceptionHandler(StacSearchException.class)
    public ResponseEntity<ProblemDetail> invalidSearch(StacSearchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "invalid-stac-search", "Invalid STAC search", e.getMessage());
    }

    private ResponseEntity<?> search(ObjectNode body) {
        StacSearch search = StacSearch.of(body);
        List<StacItem> matched = catalog.items().stream().filter(search.filter()).sorted(search.order()).toList();
        List<StacItem> page = matched.stream().skip(search.offset()).limit(search.limit()).toList();
        ObjectNode result = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = result.putArray("features");
        page.forEach(item -> features.add(served(item)));
        result.put("numberMatched", matched.size()).put("numberReturned", page.size());
        ArrayNode links = result.putArray("links");
        link(links, "root", base(), "application/json");
        int next = search.offset() + page.size();
        if (next < matched.size()) {
            ObjectNode nextBody = body.deepCopy().put("token", String.valueOf(next));
            link(links, "next", base() + "/search", "application/geo+json").put("method", "POST")
                    .put("merge", false).set("body", nextBody);
        }
        return ResponseEntity.ok().contentType(GEO_JSON).body(result);
    }

    /* GET parameters are comma-separated lists and JSON for query and sortby's +/- shorthand, as STAC defines. */
    private ObjectNode searchBody(Map<String, String> parameters) {
        ObjectNode body = json.createObjectNode();
        parameters.forEach((name, value) -> {
            switch (name) {
                case "collections", "ids" -> List.of(value.split(",")).forEach(body.withArray(name)::add);
                case "bbox" -> {
                    ArrayNode box = body.putArray("bbox");
                    for (String number : value.split(",")) {
                        try {
                            box.add(Double.parseDouble(number.strip()));
                        } catch (NumberFormatException e) {
                            throw new StacSearchException("bbox " + value + " is not four comma-separated numbers");
                        }
                    }
                }
                case "limit" -> {
                    try {
                        body.put("limit", Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw new StacSearchException("limit " + value + " is not an integer");
                    }
                }
                case "query" -> {
                    try {
                        body.set("query", json.readTree(value));
                    } catch (JacksonException e) {
                        throw new StacSearchException("query is not JSON: " + e.getOriginalMessage());
                    }
                }
                case "sortby" -> List.of(value.split(",")).forEach(field -> body.withArray("sortby").addObject()
                        .put("field", field.replaceFirst("^[+\\- ]", ""))
                        .put("direction", field.startsWith("-") ? "desc" : "asc"));
                default -> body.put(name, value);
            }
        });
        return body;
    }

    private ObjectNode served(StacItem stored) {
        String base = base();
        String collection = stored.collection();
        ObjectNode item = stored.item().deepCopy();
        ArrayNode links = item.putArray("links");
        link(links, "self", base + "/collections/" + collection + "/items/" + stored.id(), "application/geo+json");
        link(links, "parent", base + "/collections/" + collection, "application/json");
        link(links, "collection", base + "/collections/" + collection, "application/json");
        link(links, "root", base, "application/json");
        item.path("assets").forEach(asset -> {
            String href = asset.path("href").asString("");
            if (!href.contains("://")) {
                ((ObjectNode) asset).put("href", base + "/files/" + collection + "/" + stored.id() + "/"
                        + href.substring(href.lastIndexOf('/') + 1));
            }
        });
        return item;
    }

    private ObjectNode served(ObjectNode stored) {
        String base = base();
        ObjectNode collection = stored.deepCopy();
        String id = collection.path("id").asString();
        ArrayNode links = collection.putArray("links");
        link(links, "self", base + "/collections/" + id, "application/json");
        link(links, "items", base + "/collections/" + id + "/items", "application/geo+json");
        link(links, "parent", base, "application/json");
        link(links, "root", base, "application/json");
        return collection;
    }

    private static ObjectNode link(ArrayNode links, String rel, String href, String type) {
        return links.addObject().put("rel", rel).put("href", href).put("type", type);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/stac").toUriString();
    }

    private static MediaType mediaType(String file) {
        return file.endsWith(".tif") || file.endsWith(".tiff") ? MediaType.parseMediaType("image/tiff")
                : MediaType.APPLICATION_OCTET_STREAM;
    }

    private ResponseEntity<ProblemDetail> notFound(String detail) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }
}
