package io.opencloud.controlplane.access;

/**
 * What a principal may do in its tenant, each role covering the ones before it: a viewer reads, a member starts work
 * and manages what it owns, an operator steers anyone's work in the tenant (retry, abandon), an admin manages the
 * tenant's accounts. {@link #SERVICE} is the control plane's own identity (its function hosts and event sources): it
 * alone may send the internal command types, and it manages nothing.
 */
public enum Role {
    VIEWER, MEMBER, OPERATOR, ADMIN, SERVICE;

    /** Whether this role may do what {@code needed} may. */
    public boolean covers(Role needed) {
        if (this == SERVICE) {
            return needed == SERVICE || needed == VIEWER || needed == MEMBER;
        }
        return needed != SERVICE && ordinal() >= needed.ordinal();
    }
}
