package io.opencloud.functions.market;

import java.util.List;

/** Every app a remove deleted. */
public record AppsRemoved(List<String> removed) {
}
