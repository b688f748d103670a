package io.opencloud.controlplane.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of stored object that belong to a tenant, each with the SQL that names its tenant (on the row {@code t}):
 * its own {@code tenant} when the API call that made it set one; else the tenant of the saga whose function made it;
 * else, for what existed before tenants, the platform's. A marketplace's apps are the marketplace's tenant's.
 */
public enum Owned {
    PROVIDER("provider", "provider_id", "provider", own()),
    PROVISION("provision", "provision_id", "provision", own()),
    MARKETPLACE("marketplace", "marketplace_id", "marketplace", own()),
    MARKET_APP("market_app", "app_id", "app", "(SELECT coalesce(m.tenant, '" + Caller.PLATFORM_TENANT
            + "') FROM marketplace m WHERE m.marketplace_id = t.marketplace_id)"),
    IMAGE("compute_image", "image_id", "image", ownOrSaga()),
    VM_TEMPLATE("compute_vm_template", "template_id", "template", ownOrSaga()),
    SERVICE_TEMPLATE("compute_service_template", "service_template_id", "service-template", ownOrSaga()),
    VM("compute_vm", "vm_id", "VM", ownOrSaga());

    private final String table;
    private final String idColumn;
    private final String noun;
    private final String tenant;

    Owned(String table, String idColumn, String noun, String tenant) {
        this.table = table;
        this.idColumn = idColumn;
        this.noun = noun;
        this.tenant = tenant;
    }

    String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }

    /** What the object is called in an answer ("no such VM ...") and in a share's path ({@code /shares/vm/...}). */
    public String noun() {
        return noun;
    }

    /** The kind a share's path names, by its noun in any case. */
    public static Optional<Owned> named(String noun) {
        return Arrays.stream(values()).filter(kind -> kind.noun.equalsIgnoreCase(noun)).findFirst();
    }

    /** SQL naming the tenant of the row aliased {@code t}, for stores that filter by tenant in their own queries. */
    public String tenantExpression() {
        return tenant;
    }

    private static String own() {
        return "coalesce(t.tenant, '" + Caller.PLATFORM_TENANT + "')";
    }

    private static String ownOrSaga() {
        return "coalesce(t.tenant, (SELECT s.tenant FROM saga s WHERE s.saga_id = t.created_by_saga), '"
                + Caller.PLATFORM_TENANT + "')";
    }
}
