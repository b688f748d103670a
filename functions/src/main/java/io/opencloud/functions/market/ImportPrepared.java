package io.opencloud.functions.market;

import java.util.List;

/** The apps an import creates (the one asked for first) and the IMAGE apps whose bytes must be uploaded. */
public record ImportPrepared(String rootAppId, List<PlannedApp> apps, List<ImageUpload> uploads) {
}
