package io.opencloud.controlplane.federation.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A network as {@code /networks} shows it.
 *
 * @param owned   whether this control plane owns it, and so admits members
 * @param joinKey the key to share with those invited; shown to the owner only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkView(String network, String name, String visibility, Member owner, boolean owned,
                          OffsetDateTime joinedAt, List<Member> members, String joinKey) {

    /** A member other than this control plane, with its health as last probed. */
    public record Member(String peerId, String name, String endpoint, String health, OffsetDateTime lastSeenAt) {
    }
}
