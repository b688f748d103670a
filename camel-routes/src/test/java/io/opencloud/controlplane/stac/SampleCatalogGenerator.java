package io.opencloud.controlplane.stac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the sample STAC catalog: a root catalog, one Sentinel-2 L2A collection, and eight items over two tiles in
 * northern Italy, each with a tiny true-colour GeoTIFF.
 *
 * <p>The output is deterministic, down to the byte, so that a test can hold the checked-in copy to it.
 */
final class SampleCatalogGenerator {

    static final String CATALOG_ID = "opencloud-sample";
    static final String COLLECTION_ID = "sentinel-2-l2a";
    static final String ASSET_FILE = "TCI.tif";

    private static final String STAC_VERSION = "1.0.0";
    private static final List<String> ITEM_EXTENSIONS = List.of(
            "https://stac-extensions.github.io/eo/v1.1.0/schema.json",
            "https://stac-extensions.github.io/projection/v1.1.0/schema.json",
            "https://stac-extensions.github.io/file/v2.1.0/schema.json");
    private static final String JSON_TYPE = "application/json";
    private static final String GEOJSON_TYPE = "application/geo+json";
    private static final String GEOTIFF_TYPE = "image/tiff; application=geotiff";
    private static final int IMAGE_PIXELS = 64;
    private static final double PIXEL_SIZE = MgrsTile.SIZE_METRES / IMAGE_PIXELS;

    // Sentinel-2 tile origins sit 20 m and 40 m west of the 100 km grid lines, so neighbouring tiles overlap.
    private static final MgrsTile TILE_32TNR = new MgrsTile(32, "TNR", 499_980, 5_100_000);
    private static final MgrsTile TILE_32TMR = new MgrsTile(32, "TMR", 399_960, 5_100_000);

    // Cloud covers are spread from clear to overcast so that a maximum-cloud-cover filter has something to choose.
    static final List<SampleItem> ITEMS = List.of(
            SampleItem.of("S2A", "2026-06-03T10:20:21Z", 65, TILE_32TNR, "2026-06-03T14:05:12Z", 3.2),
            SampleItem.of("S2A", "2026-06-06T10:30:31Z", 108, TILE_32TMR, "2026-06-06T13:22:18Z", 8.5),
            SampleItem.of("S2B", "2026-06-08T10:20:29Z", 65, TILE_32TNR, "2026-06-08T13:38:47Z", 27.5),
            SampleItem.of("S2B", "2026-06-11T10:30:39Z", 108, TILE_32TMR, "2026-06-11T14:47:55Z", 14.0),
            SampleItem.of("S2A", "2026-06-13T10:20:21Z", 65, TILE_32TNR, "2026-06-13T15:12:03Z", 63.3),
            SampleItem.of("S2B", "2026-06-21T10:30:39Z", 108, TILE_32TMR, "2026-06-21T13:09:31Z", 41.0),
            SampleItem.of("S2A", "2026-06-26T10:30:31Z", 108, TILE_32TMR, "2026-06-26T16:01:27Z", 88.9),
            SampleItem.of("S2B", "2026-06-28T10:20:29Z", 65, TILE_32TNR, "2026-06-28T12:56:40Z", 5.1));

    private final JsonMapper json = JsonMapper.builder().build();
    private final ObjectWriter writer = json.writer().with(prettyPrinter());

    /** Writes the catalog under {@code root}, replacing any files of the same names. */
    void writeTo(Path root) throws IOException {
        Map<String, byte[]> files = files();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** Every file of the catalog, by its path relative to the catalog's root. */
    private Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("catalog.json", document(catalog()));
        files.put(COLLECTION_ID + "/collection.json", document(collection()));
        for (SampleItem item : ITEMS) {
            byte[] image = image(item);
            String directory = COLLECTION_ID + "/" + item.id() + "/";
            files.put(directory + item.id() + ".json", document(item(item, image.length)));
            files.put(directory + ASSET_FILE, image);
        }
        return files;
    }

    private ObjectNode catalog() {
        ObjectNode catalog = json.createObjectNode();
        catalog.put("type", "Catalog");
        catalog.put("stac_version", STAC_VERSION);
        catalog.put("id", CATALOG_ID);
        catalog.put("title", "Open Cloud sample catalog");
        catalog.put("description", "A small STAC catalog of synthetic Sentinel-2 L2A items with tiny GeoTIFFs, "
                + "for trying out the STAC API without real data.");
        ArrayNode links = catalog.putArray("links");
        link(links, "root", "./catalog.json", JSON_TYPE);
        link(links, "self", "./catalog.json", JSON_TYPE);
        link(links, "child", "./" + COLLECTION_ID + "/collection.json", JSON_TYPE)
                .put("title", "Sentinel-2 Level-2A (synthetic sample)");
        return catalog;
    }

    private ObjectNode collection() {
        ObjectNode collection = json.createObjectNode();
        collection.put("type", "Collection");
        collection.put("stac_version", STAC_VERSION);
        collection.put("id", COLLECTION_ID);
        collection.put("title", "Sentinel-2 Level-2A (synthetic sample)");
        collection.put("description", "Eight made-up Sentinel-2 L2A items over MGRS tiles 32TNR and 32TMR in "
                + "northern Italy, June 2026. The metadata follows real Sentinel-2 products; each item's "
                + "true-colour image is a synthetic 64 x 64 pixel GeoTIFF.");
        collection.put("license", "proprietary");
        ObjectNode extent = collection.putObject("extent");
        bbox(extent.putObject("spatial").putArray("bbox").addArray(),
                ITEMS.stream().flatMap(item -> item.tile().footprint().stream()).toList());
        List<Instant> sensed = ITEMS.stream().map(SampleItem::sensed).sorted().toList();
        extent.putObject("temporal").putArray("interval").addArray()
                .add(sensed.getFirst().toString())
                .add(sensed.getLast().toString());
        summaries(collection.putObject("summaries"));
        ArrayNode links = collection.putArray("links");
        link(links, "root", "../catalog.json", JSON_TYPE);
        link(links, "parent", "../catalog.json", JSON_TYPE);
        link(links, "self", "./collection.json", JSON_TYPE);
        for (SampleItem item : ITEMS) {
            link(links, "item", "./" + item.id() + "/" + item.id() + ".json", GEOJSON_TYPE);
        }
        return collection;
    }

    private static void summaries(ObjectNode summaries) {
        ArrayNode platforms = summaries.putArray("platform");
        ITEMS.stream().map(SampleItem::platform).distinct().sorted().forEach(platforms::add);
        summaries.putArray("constellation").add("sentinel-2");
        summaries.putArray("instruments").add("msi");
        DoubleSummaryStatistics cloudCover =
                ITEMS.stream().mapToDouble(SampleItem::cloudCover).summaryStatistics();
        summaries.putObject("eo:cloud_cover")
                .put("minimum", cloudCover.getMin())
                .put("maximum", cloudCover.getMax());
        ArrayNode epsgCodes = summaries.putArray("proj:epsg");
        ITEMS.stream().map(item -> item.tile().epsg()).distinct().sorted().forEach(epsgCodes::add);
    }

    private ObjectNode item(SampleItem item, long imageBytes) {
        MgrsTile tile = item.tile();
        List<LonLat> footprint = tile.footprint();
        ObjectNode feature = json.createObjectNode();
        feature.put("type", "Feature");
        feature.put("stac_version", STAC_VERSION);
        ArrayNode extensions = feature.putArray("stac_extensions");
        ITEM_EXTENSIONS.forEach(extensions::add);
        feature.put("id", item.id());
        feature.put("collection", COLLECTION_ID);
        bbox(feature.putArray("bbox"), footprint);
        ObjectNode geometry = feature.putObject("geometry");
        geometry.put("type", "Polygon");
        ArrayNode ring = geometry.putArray("coordinates").addArray();
        footprint.forEach(position -> ring.addArray().add(position.lon()).add(position.lat()));

        ObjectNode properties = feature.putObject("properties");
        properties.put("datetime", item.sensed().toString());
        properties.put("platform", item.platform());
        properties.put("constellation", "sentinel-2");
        properties.putArray("instruments").add("msi");
        properties.put("eo:cloud_cover", item.cloudCover());
        properties.put("proj:epsg", tile.epsg());
        properties.putArray("proj:shape").add(IMAGE_PIXELS).add(IMAGE_PIXELS);
        properties.putArray("proj:transform")
                .add(PIXEL_SIZE).add(0.0).add(tile.west())
                .add(0.0).add(-PIXEL_SIZE).add(tile.north());
        properties.put("s2:mgrs_tile", tile.name());

        ArrayNode links = feature.putArray("links");
        link(links, "self", "./" + item.id() + ".json", GEOJSON_TYPE);
        link(links, "parent", "../collection.json", JSON_TYPE);
        link(links, "collection", "../collection.json", JSON_TYPE);
        link(links, "root", "../../catalog.json", JSON_TYPE);

        ObjectNode visual = feature.putObject("assets").putObject("visual");
        visual.put("href", "./" + ASSET_FILE);
        visual.put("type", GEOTIFF_TYPE);
        visual.put("title", "True colour image");
        visual.putArray("roles").add("visual").add("data");
        ArrayNode bands = visual.putArray("eo:bands");
        band(bands, "B04", "red", 0.665, 0.038);
        band(bands, "B03", "green", 0.56, 0.045);
        band(bands, "B02", "blue", 0.49, 0.098);
        visual.put("file:size", imageBytes);
        return feature;
    }

    private static byte[] image(SampleItem item) {
        // String.hashCode is fixed by the language specification, so the seed, like the pixels, never changes.
        byte[] pixels = new SyntheticScene(item.id().hashCode(), item.cloudCover()).render(IMAGE_PIXELS, IMAGE_PIXELS);
        MgrsTile tile = item.tile();
        return GeoTiffWriter.encode(IMAGE_PIXELS, IMAGE_PIXELS, pixels,
                new GeoTiffWriter.Georeference(tile.epsg(), tile.west(), tile.north(), PIXEL_SIZE));
    }

    private static void bbox(ArrayNode target, List<LonLat> positions) {
        target.add(positions.stream().mapToDouble(LonLat::lon).min().orElseThrow())
                .add(positions.stream().mapToDouble(LonLat::lat).min().orElseThrow())
                .add(positions.stream().mapToDouble(LonLat::lon).max().orElseThrow())
                .add(positions.stream().mapToDouble(LonLat::lat).max().orElseThrow());
    }

    private static ObjectNode link(ArrayNode links, String rel, String href, String type) {
        return links.addObject().put("rel", rel).put("href", href).put("type", type);
    }

    private static void band(ArrayNode bands, String name, String commonName, double centreMicrometres,
            double widthMicrometres) {
        bands.addObject()
                .put("name", name)
                .put("common_name", commonName)
                .put("center_wavelength", centreMicrometres)
                .put("full_width_half_max", widthMicrometres);
    }

    private byte[] document(ObjectNode node) {
        return (writer.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static PrettyPrinter prettyPrinter() {
        // A fixed "\n" rather than the platform's line separator, so the files come out the same on every machine.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
