package io.opencloud.functions.market;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.compute.ComputeDriver;
import io.opencloud.functions.compute.ComputeDrivers;
import io.opencloud.functions.compute.ImageRecord;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.VmDisk;
import io.opencloud.functions.compute.VmRecord;
import io.opencloud.functions.compute.Vms;
import io.opencloud.functions.s3.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Streams one image (or a powered-off VM's disk) into its IMAGE app through a multipart upload, computing the SHA-256
 * on the way; an image whose bytes no longer match the checksum the inventory recorded is refused, not published.
 *
 * <p>Consumes {@code io.opencloud.market.upload.requested.v1}; produces {@code io.opencloud.market.upload.completed.v1},
 * or {@code io.opencloud.market.upload.failed.v1}: retryable when the marketplace cannot be reached, not retryable when
 * the app is not this import's or the image is gone or changed. Idempotent: an uploaded app is not uploaded again.
 */
@Component("uploadImageApp")
public class UploadImageAppFunction implements Function<Message<ImageUpload>, ImageUploaded> {

    private final MarketApps apps;
    private final Marketplaces marketplaces;
    private final MarketplaceStorage storage;
    private final Images images;
    private final Vms vms;
    private final ComputeDrivers drivers;

    UploadImageAppFunction(MarketApps apps, Marketplaces marketplaces, MarketplaceStorage storage, Images images,
                           Vms vms, ComputeDrivers drivers) {
        this.apps = apps;
        this.marketplaces = marketplaces;
        this.storage = storage;
        this.images = images;
        this.vms = vms;
        this.drivers = drivers;
    }

    @Override
    public ImageUploaded apply(Message<ImageUpload> command) {
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        ImageUpload upload = command.getPayload();
        AppRecord app = apps.find(upload.appId()).orElseThrow(() -> new OperationFailedException("app "
                + upload.appId() + " was not prepared by an import", false));
        if (!sagaId.equals(app.importSaga())) {
            throw new OperationFailedException("app " + app.appId() + " belongs to import " + app.importSaga()
                    + ", not to saga " + sagaId, false);
        }
        if (app.sha256() != null) {
            return new ImageUploaded(app.appId(), app.sizeBytes(), app.sha256());
        }
        MarketplaceRecord marketplace = marketplaces.require(app.marketplaceId());
        Source source = source(upload);
        MessageDigest digest = Sha256.digest();
        try (InputStream in = new DigestInputStream(source.bytes(), digest)) {
            storage.upload(marketplace, MarketplaceStorage.diskKey(app.appId()), in, source.sizeBytes(),
                    "application/octet-stream");
        } catch (IOException e) {
            throw new OperationFailedException("reading the bytes of app " + app.appId() + " failed: " + e, true, e);
        }
        String sha256 = Sha256.hex(digest);
        if (source.sha256() != null && !source.sha256().equals(sha256)) {
            storage.deleteApp(marketplace, app.appId());
            throw new OperationFailedException("image " + upload.imageId() + " reads with SHA-256 " + sha256
                    + ", not the " + source.sha256() + " the inventory recorded; it was not published", false);
        }
        ObjectNode manifest = ((ObjectNode) app.manifest()).deepCopy();
        ((ObjectNode) manifest.path("IMAGE")).put("FORMAT", source.format()).put("SIZE", source.sizeBytes())
                .put("SHA256", sha256).put("OBJECT", MarketplaceStorage.diskKey(app.appId()));
        apps.recordUpload(app.appId(), source.sizeBytes(), sha256, manifest);
        return new ImageUploaded(app.appId(), source.sizeBytes(), sha256);
    }

    private Source source(ImageUpload upload) {
        if (upload.imageId() != null) {
            ImageRecord image = images.require(upload.imageId());
            return new Source(drivers.get(image.driver()).openImage(image), image.sizeBytes(), image.format(),
                    image.sha256());
        }
        VmRecord vm = vms.require(upload.vmId());
        ComputeDriver driver = drivers.get(vm.driver());
        if (!VmRecord.POWEROFF.equals(driver.state(vm))) {
            throw new OperationFailedException("VM " + vm.vmId() + " was powered on during its import", false);
        }
        VmDisk disk = vm.disks().get(upload.disk());
        return new Source(driver.openDisk(vm, upload.disk()), driver.diskSize(vm, upload.disk()), disk.format(),
                null);
    }

    /** Where an upload's bytes come from; the checksum is null for a VM's disk, which changes while the VM runs. */
    private record Source(InputStream bytes, long sizeBytes, String format, String sha256) {
    }
}
