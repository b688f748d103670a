package io.opencloud.functions.sentinel;

import java.util.List;

/** The data of {@code io.opencloud.sentinel.search.completed.v1}: how many scenes match, and the least cloudy. */
public record ScenesFound(long count, List<Scene> scenes) {
}
