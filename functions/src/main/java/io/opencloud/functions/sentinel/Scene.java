package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Sentinel scene as the catalog describes it: one STAC item. */
public record Scene(String id, String collection, Instant datetime, double cloudCover, List<Double> bbox, String tile,
                    String platform, Map<String, SceneAsset> assets) {
}
