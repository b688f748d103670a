package io.opencloud.functions.market;

import io.opencloud.events.DerivedIds;

/**
 * The ids an import or export gives what it creates, derived from its saga and the source, so that a redelivered
 * command creates nothing twice and a saga can name an app (for its compensation) before the app exists.
 */
public final class AppIds {

    private AppIds() {
    }

    /** The app an import makes of an object of a kind (VM, VMTEMPLATE, SERVICE_TEMPLATE, IMAGE). */
    public static String imported(String sagaId, String kind, String objectId) {
        return DerivedIds.of(sagaId, "app", kind, objectId);
    }

    /** The IMAGE app an import makes of a VM's disk. */
    static String importedDisk(String sagaId, String vmId, int disk) {
        return DerivedIds.of(sagaId, "app", "VMDISK", vmId, Integer.toString(disk));
    }

    /** The image an export makes of an IMAGE app. */
    static String exportedImage(String sagaId, String appId) {
        return DerivedIds.of(sagaId, "image", appId);
    }

    static String exportedTemplate(String sagaId, String appId) {
        return DerivedIds.of(sagaId, "template", appId);
    }

    static String exportedServiceTemplate(String sagaId, String appId) {
        return DerivedIds.of(sagaId, "service-template", appId);
    }
}
