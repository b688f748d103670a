package io.opencloud.functions.market;

/** An app an import creates. */
public record PlannedApp(String appId, String type, String name) {
}
