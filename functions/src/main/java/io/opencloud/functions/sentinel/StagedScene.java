package io.opencloud.functions.sentinel;

import java.time.Instant;
import java.util.List;

/** A reserved scene and its staged assets. */
public record StagedScene(String id, Instant datetime, List<StagedObject> objects) {
}
