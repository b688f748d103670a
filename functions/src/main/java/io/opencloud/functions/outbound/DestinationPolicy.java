package io.opencloud.functions.outbound;

import io.opencloud.functions.storage.StorageProperties;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import io.opencloud.infra.config.RuntimeEndpoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one policy every URL the server calls passes: http or https only; a host that resolves to a loopback, private
 * (RFC 1918, carrier-grade NAT, unique local), link-local, multicast or unspecified address is refused unless the
 * operator allowed it ({@code opencloud.outbound.allowed-hosts}, the configured credential sets' endpoints and the
 * configured STAC catalog), or it is this deployment's own HTTP port or S3 server. For the MinIO SDK the check is
 * made on the addresses a connection actually uses, at connect time, so a DNS name that changes its answer later is
 * caught too; redirects are not followed. A refusal says which rule refused, never what answered there.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class DestinationPolicy {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> allowed = new HashSet<>();
    private final Supplier<List<String>> own;

    @Autowired
    public DestinationPolicy(OutboundProperties properties, StorageProperties storage,
                             @Value("${opencloud.sentinel.catalog-url:}") String catalogUrl, Environment environment,
                             ObjectProvider<RuntimeEndpoints> endpoints) {
        this(properties, storage, catalogUrl, () -> own(environment, endpoints.getIfAvailable()));
    }

    DestinationPolicy(OutboundProperties properties, StorageProperties storage, String catalogUrl,
                      Supplier<List<String>> own) {
        properties.allowedHosts().forEach(host -> allowed.add(host.toLowerCase(Locale.ROOT)));
        storage.credentials().values().forEach(credentials -> allow(credentials.endpoint()));
        allow(catalogUrl);
        this.own = own;
    }

    /* This process's own HTTP port on the loopback, and the deployment's S3 server: called by design. */
    private static List<String> own(Environment environment, RuntimeEndpoints endpoints) {
        List<String> own = new ArrayList<>();
        String port = environment.getProperty("local.server.port");
        if (port != null) {
            LOOPBACK_NAMES.forEach(name -> own.add(name + ":" + port));
        }
        if (endpoints != null && endpoints.s3Endpoint() != null) {
            URI s3 = URI.create(endpoints.s3Endpoint());
            own.add(s3.getHost().toLowerCase(Locale.ROOT) + ":" + (s3.getPort() < 0 ? defaultPort(s3.getScheme())
                    : s3.getPort()));
        }
        return own;
    }

    /** @throws DestinationRefusedException when the URL may not be called */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new DestinationRefusedException("only http and https URLs are called, not \"" + scheme + "\"");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new DestinationRefusedException("a URL without a host is not called");
        }
        addresses(url.getHost(), url.getPort() < 0 ? defaultPort(scheme) : url.getPort());
    }

    /** Resolves a host as a connection to it on {@code port} would, refusing what the policy does not allow. */
    public List<InetAddress> addresses(String host, int port) {
        List<InetAddress> resolved;
        try {
            resolved = List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new DestinationRefusedException("the host " + host + " does not resolve");
        }
        if (isAllowed(host, port)) {
            return resolved;
        }
        for (InetAddress address : resolved) {
            String kind = restricted(address);
            if (kind != null) {
                throw new DestinationRefusedException("the host " + host + " resolves to a " + kind + " address");
            }
        }
        return resolved;
    }

    /** An HTTP client for the MinIO SDK that resolves hosts through this policy and follows no redirect. */
    public OkHttpClient httpClient() {
        Dns dns = hostname -> addresses(hostname, -1);
        return new OkHttpClient.Builder().dns(dns).followRedirects(false).followSslRedirects(false).build();
    }

    /*
     * A connection's DNS look-up does not know its port (-1): the host then passes when any of its allowed ports
     * does, since the port was checked with the URL before the connection was made.
     */
    private boolean isAllowed(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        if (allowed.contains(name)) {
            return true;
        }
        List<String> ownEntries = own.get();
        if (port < 0) {
            return allowed.stream().anyMatch(entry -> entry.startsWith(name + ":"))
                    || ownEntries.stream().anyMatch(entry -> entry.startsWith(name + ":"));
        }
        return allowed.contains(name + ":" + port) || ownEntries.contains(name + ":" + port);
    }

    private void allow(String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        URI uri = URI.create(url);
        if (uri.getHost() != null) {
            allowed.add(uri.getHost().toLowerCase(Locale.ROOT) + ":" + (uri.getPort() < 0 ? defaultPort(uri.getScheme())
                    : uri.getPort()));
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** The kind of restricted address, or null for a public one. */
    public static String restricted(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return "carrier-grade NAT";
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return "unique local";
        }
        return null;
    }
}
