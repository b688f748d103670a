package io.opencloud.controlplane.federation.network;

import java.time.OffsetDateTime;

/**
 * A network this control plane is a member of.
 *
 * @param visibility {@code PUBLIC} (the one default network, open to all) or {@code PRIVATE} (joined with a key)
 * @param owner      the owner's peer id; null for the public network
 */
public record NetworkRow(String networkId, String name, String visibility, String owner, OffsetDateTime joinedAt) {

    public static final String PUBLIC_ID = "public";
    public static final String PUBLIC = "PUBLIC";

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }
}
