package io.opencloud.controlplane.stac;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the checked-in sample STAC catalog to what {@link SampleCatalogGenerator} writes, and checks that the catalog
 * hangs together.
 *
 * <p>Run with {@code -Dstac.write=true} to regenerate the checked-in copy instead of comparing against it.
 */
class SampleCatalogTest {

    // Surefire runs tests in the module's directory.
    private static final Path CHECKED_IN = Path.of("src/main/resources/stac/sample");

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    private Path generated;

    @Test
    void theCheckedInCatalogIsExactlyWhatTheGeneratorWrites() throws IOException {
        if (Boolean.getBoolean("stac.write")) {
            new SampleCatalogGenerator().writeTo(CHECKED_IN);
            System.out.println("Wrote the sample STAC catalog to " + CHECKED_IN.toAbsolutePath().normalize());
            return;
        }
        new SampleCatalogGenerator().writeTo(generated);

        List<Path> files = relativeFiles(generated);
        assertThat(relativeFiles(CHECKED_IN)).containsExactlyInAnyOrderElementsOf(files);
        for (Path file : files) {
            assertThat(Files.mismatch(generated.resolve(file), CHECKED_IN.resolve(file)))
                    .as("first differing byte of %s (-1 if none); rerun with -Dstac.write=true to regenerate", file)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void theCatalogLeadsToEightItemsWithUniqueIds() throws IOException {
        new SampleCatalogGenerator().writeTo(generated);

        List<JsonNode> items = items().stream().map(json::readTree).toList();

        assertThat(items).hasSize(8);
        assertThat(items).extracting(item -> item.get("id").asString()).doesNotHaveDuplicates();
        assertThat(items).allSatisfy(item ->
                assertThat(item.get("collection").asString()).isEqualTo(SampleCatalogGenerator.COLLECTION_ID));
    }

    @Test
    void everyItemsAssetIsAGeoTiffOfTheAdvertisedSize() throws IOException {
        new SampleCatalogGenerator().writeTo(generated);

        for (Path itemFile : items()) {
            JsonNode asset = json.readTree(itemFile).get("assets").get("visual");
            Path image = itemFile.resolveSibling(asset.get("href").asString()).normalize();

            assertThat(image).isRegularFile();
            assertThat(Files.size(image)).isEqualTo(asset.get("file:size").asLong());
            // A classic little-endian TIFF starts "II", then 42 as a little-endian short.
            assertThat(Files.readAllBytes(image)).startsWith('I', 'I', 42, 0);
        }
    }

    @Test
    void everyItemsBboxLiesWithinItsGeometry() throws IOException {
        new SampleCatalogGenerator().writeTo(generated);

        for (Path itemFile : items()) {
            JsonNode item = json.readTree(itemFile);
            double[] extent = extentOf(item.get("geometry").get("coordinates").get(0));
            JsonNode bbox = item.get("bbox");

            assertThat(bbox.get(0).asDouble()).isGreaterThanOrEqualTo(extent[0]);
            assertThat(bbox.get(1).asDouble()).isGreaterThanOrEqualTo(extent[1]);
            assertThat(bbox.get(2).asDouble()).isLessThanOrEqualTo(extent[2]).isGreaterThan(bbox.get(0).asDouble());
            assertThat(bbox.get(3).asDouble()).isLessThanOrEqualTo(extent[3]).isGreaterThan(bbox.get(1).asDouble());
        }
    }

    /** The item files, found by following the links from the root catalog, as a STAC client would. */
    private List<Path> items() {
        Path catalog = generated.resolve("catalog.json");
        Path collection = linked(catalog, "child").getFirst();
        return linked(collection, "item");
    }

    private List<Path> linked(Path document, String rel) {
        List<Path> targets = new ArrayList<>();
        for (JsonNode link : json.readTree(document).get("links")) {
            if (link.get("rel").asString().equals(rel)) {
                targets.add(document.resolveSibling(link.get("href").asString()).normalize());
            }
        }
        assertThat(targets).as("%s links in %s", rel, document).isNotEmpty();
        return targets;
    }

    /** West, south, east and north of a ring of [lon, lat] positions. */
    private static double[] extentOf(JsonNode ring) {
        double[] extent = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode position : ring) {
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            extent[0] = Math.min(extent[0], lon);
            extent[1] = Math.min(extent[1], lat);
            extent[2] = Math.max(extent[2], lon);
            extent[3] = Math.max(extent[3], lat);
        }
        return extent;
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
