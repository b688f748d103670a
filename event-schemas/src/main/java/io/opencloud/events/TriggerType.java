package io.opencloud.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * CloudEvent types that start a saga rather than a single operation: {@code io.opencloud.<domain>.<name>.requested.v<N>}.
 * Which saga each starts is configuration ({@code opencloud.sagas.triggers}); the default is named here.
 */
public enum TriggerType {
    /** Grants a macaroon after two checks; the saga that shows retries, timeouts and compensation. */
    DEMO_GRANT("demo", "grant", 1, "demo-grant"),
    /** Searches Sentinel scenes, reserves them, converts each one and pushes the results to a partner's bucket. */
    SENTINEL_WORKFLOW("workflow", "sentinel", 1, "process-sentinel-images"),
    /** Deploys a provision created through {@code POST /provisions}. */
    CREATE_PROVISION("provision", "create", 1, "provision-infrastructure"),
    /** Destroys a provision's resources, even after a failed apply, and ends it. */
    DELETE_PROVISION("provision", "delete", 1, "destroy-provision"),
    /** Imports a VM, VM template, service template or image into a marketplace, with the apps it references. */
    MARKET_IMPORT("market", "import", 1, "market-import"),
    /** Exports an app from a marketplace into the compute inventory, with the apps it references. */
    MARKET_EXPORT("market", "export", 1, "market-export"),
    /** Removes an app, with the apps its import created for it, from its marketplace. */
    MARKET_DELETE("market", "delete", 1, "market-delete"),
    /** Backs one VM up into its backup marketplace; sent by the backup sweep. */
    BACKUP_VM("compute", "backup", 1, "backup-vm"),
    /** Creates a VM from a backup (or any VMTEMPLATE) app. */
    RESTORE_VM("compute", "restore", 1, "restore-vm");

    private final String domain;
    private final String name;
    private final int version;
    private final String defaultSaga;

    TriggerType(String domain, String name, int version, String defaultSaga) {
        this.domain = domain;
        this.name = name;
        this.version = version;
        this.defaultSaga = defaultSaga;
    }

    public String type() {
        return "io.opencloud." + domain + "." + name + "." + Phase.REQUESTED.label() + ".v" + version;
    }

    public String defaultSaga() {
        return defaultSaga;
    }

    /** The trigger of this type, if it is one of the control plane's own. */
    public static Optional<TriggerType> of(String type) {
        return Arrays.stream(values()).filter(trigger -> trigger.type().equals(type)).findFirst();
    }
}
