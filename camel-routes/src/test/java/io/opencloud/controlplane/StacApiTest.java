package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The STAC API the control plane serves over its catalog. */
class StacApiTest extends ControlPlaneTestBase {

    private JsonNode getJson(String path) {
        HttpResponse<String> response = http().get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return Http.JSON.readTree(response.body());
    }

    @Test
    void theLandingPageLinksTheSearchAndEveryCollection() {
        JsonNode landing = getJson("/stac");

        assertThat(landing.get("conformsTo").toString()).contains("item-search#query", "item-search#sort");
        assertThat(landing.get("links")).anySatisfy(link -> {
            assertThat(link.get("rel").asString()).isEqualTo("child");
            assertThat(link.get("href").asString()).endsWith("/stac/collections/sentinel-2-l2a");
        });
    }

    @Test
    void getAndPostSearchesAgreeAndPageWithAToken() {
        JsonNode byGet = getJson("/stac/search?collections=sentinel-2-l2a&bbox=8.9,45.4,10.3,46.1"
                + "&datetime=2026-06-01T00:00:00Z/2026-06-30T23:59:59Z&sortby=-properties.eo:cloud_cover&limit=3");
        HttpResponse<String> post = http().post("/stac/search", "application/json", """
                {"collections":["sentinel-2-l2a"],"bbox":[8.9,45.4,10.3,46.1],
                 "datetime":"2026-06-01T00:00:00Z/2026-06-30T23:59:59Z",
                 "sortby":[{"field":"properties.eo:cloud_cover","direction":"desc"}],"limit":3}""", Map.of());
        JsonNode byPost = Http.JSON.readTree(post.body());

        assertThat(byGet.get("numberMatched").asInt()).isEqualTo(8);
        assertThat(byGet.get("features")).extracting(f -> f.get("properties").get("eo:cloud_cover").asDouble())
                .containsExactly(88.9, 63.3, 41.0);
        assertThat(byPost.get("features")).isEqualTo(byGet.get("features"));
        JsonNode next = byPost.get("links").valueStream().filter(l -> l.get("rel").asString().equals("next"))
                .findFirst().orElseThrow();
        JsonNode second = Http.JSON.readTree(http().post("/stac/search", "application/json",
                next.get("body").toString(), Map.of()).body());
        assertThat(second.get("features")).extracting(f -> f.get("properties").get("eo:cloud_cover").asDouble())
                .containsExactly(27.5, 14.0, 8.5);
    }

    @Test
    void anItemLinksItsAssetWhichServesTheGeoTiff() {
        JsonNode item = getJson("/stac/collections/sentinel-2-l2a/items/"
                + "S2A_MSIL2A_20260603T102021_R065_T32TNR_20260603T140512");
        String href = item.get("assets").get("visual").get("href").asString();
        HttpResponse<String> asset = http().get(href.substring(href.indexOf("/stac/")));

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).contains("image/tiff");
        assertThat(asset.body()).startsWith("II*");
        assertThat(http().get("/stac/collections/sentinel-2-l2a/items/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidSearchIsAnsweredWithWhatIsWrong() {
        HttpResponse<String> badBox = http().get("/stac/search?bbox=1,2,3");
        HttpResponse<String> badTime = http().post("/stac/search", "application/json",
                "{\"datetime\":\"2026-07-01T00:00:00Z/2026-06-01T00:00:00Z\"}", Map.of());
        HttpResponse<String> badQuery = http().post("/stac/search", "application/json",
                "{\"query\":{\"eo:cloud_cover\":{\"like\":\"5%\"}}}", Map.of());

        assertThat(badBox.statusCode()).isEqualTo(400);
        assertThat(Http.JSON.readTree(badBox.body()).get("detail").asString()).contains("bbox must be four numbers");
        assertThat(Http.JSON.readTree(badTime.body()).get("detail").asString()).contains("ends before it starts");
        assertThat(Http.JSON.readTree(badQuery.body()).get("detail").asString()).contains("only numeric");
    }
}
