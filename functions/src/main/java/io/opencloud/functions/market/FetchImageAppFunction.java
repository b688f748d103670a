package io.opencloud.functions.market;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.compute.ComputeDriver;
import io.opencloud.functions.compute.ComputeDrivers;
import io.opencloud.functions.compute.ImageRecord;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.StoredDisk;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Streams an IMAGE app from its marketplace into the inventory as a new image of the saga, and checks the bytes
 * against the SHA-256 of the app's manifest: an image that does not match is deleted, never kept.
 *
 * <p>Consumes {@code io.opencloud.market.fetch.requested.v1}; produces {@code io.opencloud.market.fetch.completed.v1},
 * or {@code io.opencloud.market.fetch.failed.v1}: retryable when the marketplace cannot be reached, not retryable when
 * the app is missing or its bytes do not match. Idempotent: a fetched image is not fetched again.
 */
@Component("fetchImageApp")
public class FetchImageAppFunction implements Function<Message<ImageFetch>, ImageFetched> {

    private final MarketApps apps;
    private final Marketplaces marketplaces;
    private final MarketplaceStorage storage;
    private final Images images;
    private final ComputeDrivers drivers;

    FetchImageAppFunction(MarketApps apps, Marketplaces marketplaces, MarketplaceStorage storage, Images images,
                          ComputeDrivers drivers) {
        this.apps = apps;
        this.marketplaces = marketplaces;
        this.storage = storage;
        this.images = images;
        this.drivers = drivers;
    }

    @Override
    public ImageFetched apply(Message<ImageFetch> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        ImageFetch fetch = command.getPayload();
        var fetched = images.find(fetch.imageId());
        if (fetched.isPresent()) {
            return new ImageFetched(fetch.appId(), fetch.imageId(), fetched.get().sizeBytes(), fetched.get().sha256());
        }
        AppRecord app = apps.requireReady(fetch.appId());
        if (!AppRecord.IMAGE.equals(app.type())) {
            throw new OperationFailedException("app " + app.appId() + " is a " + app.type() + ", not an IMAGE", false);
        }
        MarketplaceRecord marketplace = marketplaces.require(app.marketplaceId());
        ComputeDriver driver = drivers.get(ComputeDrivers.DEFAULT);
        String format = app.manifest().path("IMAGE").path("FORMAT").asString("raw");
        StoredDisk stored;
        try (InputStream in = storage.open(marketplace, MarketplaceStorage.diskKey(app.appId()))) {
            stored = driver.storeImage(fetch.imageId(), in, format);
        } catch (IOException e) {
            throw new OperationFailedException("reading app " + app.appId() + " failed: " + e, true, e);
        }
        ImageRecord image = new ImageRecord(fetch.imageId(), app.name(), driver.name(), stored.format(),
                stored.location(), stored.sizeBytes(), stored.sha256(),
                app.manifest().path("IMAGE").path("ATTRIBUTES"), sagaId);
        if (!stored.sha256().equals(app.sha256())) {
            driver.deleteImage(image);
            throw new OperationFailedException("app " + app.appId() + " reads back with SHA-256 " + stored.sha256()
                    + ", not the " + app.sha256() + " its manifest states; the copy was deleted", false);
        }
        images.insert(image);
        return new ImageFetched(app.appId(), image.imageId(), image.sizeBytes(), image.sha256());
    }
}
