package io.opencloud.functions.storage;

import io.minio.MinioClient;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.outbound.DestinationPolicy;
import io.opencloud.functions.outbound.DestinationRefusedException;
import java.net.URI;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * S3 clients for destinations, built from the credential set a destination names. {@code local} is the control
 * plane's own object store. The endpoint is always the credential set's: a destination may repeat it, never change
 * it, so that no request aims the server's signed requests at an address of its choosing. Every connection goes
 * through the {@link DestinationPolicy}. Failures name the credential set and endpoint, never a key.
 */
@Component
public class DestinationClients {

    static final String LOCAL = "local";

    private final MinioClient local;
    private final StorageProperties properties;
    private final DestinationPolicy policy;
    private final Map<String, MinioClient> clients = new ConcurrentHashMap<>();

    DestinationClients(MinioClient local, StorageProperties properties, DestinationPolicy policy) {
        this.local = local;
        this.properties = properties;
        this.policy = policy;
    }

    /** The client for the destination, and the endpoint it reaches (for messages). */
    public Connection connect(Destination destination) {
        String name = destination.credentials();
        if (LOCAL.equals(name)) {
            if (destination.endpoint() != null) {
                throw new OperationFailedException("credentials \"local\" are the control plane's own object store;"
                        + " leave the endpoint out", false);
            }
            return new Connection(local, "the control plane's object store");
        }
        StorageProperties.Credentials credentials = properties.credentials().get(name);
        if (credentials == null) {
            TreeSet<String> known = new TreeSet<>(properties.credentials().keySet());
            known.add(LOCAL);
            throw new OperationFailedException("no credentials named \"" + name + "\" are configured"
                    + " (opencloud.storage.credentials.<name>); known: " + known, false);
        }
        String endpoint = credentials.endpoint();
        if (endpoint == null) {
            throw new OperationFailedException("credentials \"" + name + "\" declare no endpoint", false);
        }
        if (destination.endpoint() != null && !destination.endpoint().equals(endpoint)) {
            throw new DestinationRefusedException("a destination names credentials, whose endpoint it may not"
                    + " change: \"" + name + "\" are for " + endpoint);
        }
        policy.check(URI.create(endpoint));
        MinioClient client = clients.computeIfAbsent(name, key -> {
            MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint).httpClient(policy.httpClient())
                    .credentials(credentials.accessKey(), credentials.secretKey());
            if (credentials.region() != null) {
                builder.region(credentials.region());
            }
            return builder.build();
        });
        return new Connection(client, endpoint);
    }

    /** A destination client and the endpoint it reaches. */
    public record Connection(MinioClient client, String endpoint) {
    }
}
