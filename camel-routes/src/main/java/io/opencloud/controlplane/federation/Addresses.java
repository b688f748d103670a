package io.opencloud.controlplane.federation;

import io.opencloud.functions.outbound.DestinationPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether an endpoint's host is on this machine or a private network, by the destination policy's one list of
 * restricted addresses (loopback, RFC 1918, link-local, carrier-grade NAT, unique-local, multicast, unspecified). A
 * name counts as private when any of its addresses is.
 */
final class Addresses {

    private Addresses() {
    }

    static boolean isPrivate(String endpoint) {
        try {
            for (InetAddress address : InetAddress.getAllByName(URI.create(endpoint).getHost())) {
                if (isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPrivate(InetAddress address) {
        return DestinationPolicy.restricted(address) != null;
    }
}
