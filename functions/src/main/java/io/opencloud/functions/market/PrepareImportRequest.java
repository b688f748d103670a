package io.opencloud.functions.market;

/**
 * Import an object of {@code kind} (VM, VMTEMPLATE, SERVICE_TEMPLATE, IMAGE) into a marketplace as an app named
 * {@code name} (default: the object's), with apps for what it references unless {@code recursive} is false.
 */
public record PrepareImportRequest(String marketplaceId, String kind, String objectId, String name, boolean recursive,
                                   String description, String publisher, String version) {
}
