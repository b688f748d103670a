package io.opencloud.controlplane.federation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether an endpoint's host is on this machine or a private network: loopback, RFC 1918, link-local, carrier-grade
 * NAT (100.64.0.0/10), IPv6 unique-local (fc00::/7), or unspecified. A name counts as private when any of its
 * addresses is.
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
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }
}
