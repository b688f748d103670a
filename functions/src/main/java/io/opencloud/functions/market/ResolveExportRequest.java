package io.opencloud.functions.market;

/** Export an app, and the apps it references unless {@code recursive} is false. */
public record ResolveExportRequest(String appId, boolean recursive) {
}
