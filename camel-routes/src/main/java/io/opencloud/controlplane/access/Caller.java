package io.opencloud.controlplane.access;

/**
 * Who is asking: the principal an access token, a webhook source's secret or the Kafka door's deployment names.
 *
 * @param subject the principal's name (a user, a client id, {@code hook:<source>}, {@code kafka:opencloud.ingress})
 * @param tenant  the tenant the principal acts in
 * @param role    its role there
 * @param client  the OAuth 2 client it came through, or the door's name
 * @param address the network address it came from, for the audit trail only (never a reason to trust it)
 */
public record Caller(String subject, String tenant, Role role, String client, String address) {

    /** The tenant that runs the control plane itself; its admins manage tenants, federation and the platform. */
    public static final String PLATFORM_TENANT = "system";

    /** The control plane acting on its own (cron schedules, the sagas it runs). */
    public static final Caller CONTROL_PLANE = new Caller("control-plane", PLATFORM_TENANT, Role.SERVICE,
            "control-plane", null);

    public boolean may(Role needed) {
        return role.covers(needed);
    }

    public boolean platformAdmin() {
        return PLATFORM_TENANT.equals(tenant) && role == Role.ADMIN;
    }

    /**
     * Whether the caller may see what belongs to {@code tenantOfThing}: its own tenant's things; everything, for a
     * platform admin and for the control plane's own service identity, which acts for every tenant's sagas.
     */
    public boolean sees(String tenantOfThing) {
        return tenant.equals(tenantOfThing) || seesEveryTenant();
    }

    public boolean seesEveryTenant() {
        return platformAdmin() || PLATFORM_TENANT.equals(tenant) && role == Role.SERVICE;
    }

    /**
     * The caller as one string that ids a caller chooses (an event id, a trigger id) are scoped by, so that the same
     * id chosen by two callers names two things and nobody reaches another's result by guessing its id.
     */
    public String scope() {
        return tenant + "/" + subject;
    }

    public Caller at(String remoteAddress) {
        return new Caller(subject, tenant, role, client, remoteAddress);
    }
}
