package io.opencloud.functions.market;

import java.util.List;

/** The app an export was asked for, its type, and the IMAGE apps to fetch. */
public record ExportResolved(String rootAppId, String type, List<ImageFetch> fetches) {
}
