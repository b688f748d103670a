package io.opencloud.functions.market;

import tools.jackson.databind.JsonNode;

/**
 * A marketplace app ({@code market_app}): its common attributes, state, manifest (as in the marketplace once READY),
 * size and SHA-256 (of the disk for an IMAGE, of the manifest for the others), and the import that created it.
 */
public record AppRecord(String appId, String marketplaceId, String name, String type, String description,
                        String publisher, String version, String state, JsonNode manifest, Long sizeBytes,
                        String sha256, String importSaga, String rootAppId) {

    public static final String IMAGE = "IMAGE";
    public static final String VMTEMPLATE = "VMTEMPLATE";
    public static final String SERVICE_TEMPLATE = "SERVICE_TEMPLATE";
    public static final String IMPORTING = "IMPORTING";
    public static final String READY = "READY";

    public boolean isRoot() {
        return appId.equals(rootAppId);
    }
}
