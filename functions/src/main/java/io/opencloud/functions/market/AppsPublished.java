package io.opencloud.functions.market;

import java.util.List;

/** Every app an import created, now READY. */
public record AppsPublished(String rootAppId, List<String> appIds) {
}
