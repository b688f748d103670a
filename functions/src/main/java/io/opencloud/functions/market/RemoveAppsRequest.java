package io.opencloud.functions.market;

import java.util.List;

/** Remove these apps (each with the apps its import created for it); the reason is for the log. */
public record RemoveAppsRequest(List<String> appIds, String reason) {
}
