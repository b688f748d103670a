package io.opencloud.events;

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
    DELETE_PROVISION("provision", "delete", 1, "destroy-provision");

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
}
