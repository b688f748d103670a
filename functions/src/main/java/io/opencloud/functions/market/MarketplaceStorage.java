package io.opencloud.functions.market;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Buckets;
import io.opencloud.functions.storage.Destination;
import io.opencloud.functions.storage.DestinationClients;
import io.opencloud.functions.storage.StorageProperties;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The objects of marketplace apps: {@code apps/<app id>/disk} (an IMAGE's bytes) and {@code apps/<app id>/manifest.json}
 * in the marketplace's bucket. Disks go up as multipart uploads of {@code opencloud.storage.part-size} parts, so no
 * image is ever held in memory whole. A marketplace that cannot be reached fails the call as retryable, naming it.
 */
@Component
public class MarketplaceStorage {

    private final DestinationClients clients;
    private final StorageProperties properties;

    public MarketplaceStorage(DestinationClients clients, StorageProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    public static String diskKey(String appId) {
        return "apps/" + appId + "/disk";
    }

    public static String manifestKey(String appId) {
        return "apps/" + appId + "/manifest.json";
    }

    public void upload(MarketplaceRecord marketplace, String key, InputStream bytes, long size, String contentType) {
        naming(marketplace, () -> {
            DestinationClients.Connection target = connect(marketplace);
            Buckets.ensure(target.client(), marketplace.bucket());
            return call("uploading " + marketplace.bucket() + "/" + key, () -> target.client().putObject(
                    PutObjectArgs.builder().bucket(marketplace.bucket()).object(key)
                            .stream(bytes, size, properties.partSize().toBytes()).contentType(contentType).build()));
        });
    }

    public void putManifest(MarketplaceRecord marketplace, String appId, byte[] manifest) {
        upload(marketplace, manifestKey(appId), new ByteArrayInputStream(manifest), manifest.length,
                "application/json");
    }

    public InputStream open(MarketplaceRecord marketplace, String key) {
        return naming(marketplace, () -> call("reading " + marketplace.bucket() + "/" + key, () -> connect(marketplace)
                .client().getObject(GetObjectArgs.builder().bucket(marketplace.bucket()).object(key).build())));
    }

    /** Deletes every object of the app; an app with no objects (never uploaded) has nothing to delete. */
    public void deleteApp(MarketplaceRecord marketplace, String appId) {
        naming(marketplace, () -> Buckets.deletePrefix(connect(marketplace).client(), marketplace.bucket(),
                "apps/" + appId + "/", key -> true));
    }

    private DestinationClients.Connection connect(MarketplaceRecord marketplace) {
        return clients.connect(new Destination(marketplace.endpoint(), marketplace.bucket(), null,
                marketplace.credentials()));
    }

    /* Whatever failed, the operator reads which marketplace it was. */
    private static <T> T naming(MarketplaceRecord marketplace, Supplier<T> call) {
        try {
            return call.get();
        } catch (OperationFailedException e) {
            throw new OperationFailedException("marketplace " + marketplace.name() + ": " + e.getMessage(),
                    e.retryable(), e);
        }
    }
}
