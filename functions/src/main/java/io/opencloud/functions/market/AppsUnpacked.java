package io.opencloud.functions.market;

import java.util.List;

/** What an export created: the object the app became, and every image, VM template and service template. */
public record AppsUnpacked(String rootAppId, String type, String objectId, List<String> imageIds,
                           List<String> templateIds, List<String> serviceTemplateIds) {
}
