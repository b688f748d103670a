package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The {@code local} compute driver: a VM is a directory under {@code opencloud.compute.local.dir} holding its disk
 * files and a power file, an image is a file; so saving, uploading and restoring move real bytes. Images are kept
 * as qcow2 (converted by {@code qemu-img} on upload) when qemu-img is installed, raw otherwise; every later copy is
 * byte for byte, so a disk's checksum survives a round trip through the marketplace.
 */
@Component
public class LocalComputeDriver implements ComputeDriver {

    public static final String NAME = "local";

    private final Path images;
    private final Path vms;
    private final QemuImg qemuImg;

    public LocalComputeDriver(ComputeProperties properties) {
        this.images = properties.local().dir().resolve("images");
        this.vms = properties.local().dir().resolve("vms");
        this.qemuImg = new QemuImg(properties.local().qemuImg());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String state(VmRecord vm) {
        Path power = powerFile(vm.vmId());
        try {
            return Files.exists(power) ? Files.readString(power, StandardCharsets.UTF_8).strip() : VmRecord.POWEROFF;
        } catch (IOException e) {
            throw new OperationFailedException("reading the power state of VM " + vm.vmId() + " failed: "
                    + e.getMessage(), true, e);
        }
    }

    @Override
    public void powerOff(VmRecord vm) {
        writePower(vm.vmId(), VmRecord.POWEROFF);
    }

    @Override
    public void resume(VmRecord vm) {
        writePower(vm.vmId(), VmRecord.RUNNING);
    }

    @Override
    public StoredDisk saveAsImage(VmRecord vm, int disk, String imageId) {
        VmDisk source = vm.disks().get(disk);
        return DiskFiles.copy(Path.of(source.location()), imageFile(imageId, source.format()), source.format());
    }

    @Override
    public StoredDisk storeImage(String imageId, InputStream bytes, String format) {
        if (format != null) {
            return DiskFiles.write(bytes, imageFile(imageId, format), format);
        }
        if (!qemuImg.installed()) {
            return DiskFiles.write(bytes, imageFile(imageId, "raw"), "raw");
        }
        Path upload = DiskFiles.scratch(images, "." + imageId + ".upload.");
        Path converted = DiskFiles.scratch(images, "." + imageId + ".qcow2.");
        try {
            StoredDisk received = DiskFiles.write(bytes, upload, "unknown");
            String detected = qemuImg.format(upload);
            if (!detected.equals("raw")) {
                return moved(received, imageFile(imageId, detected), detected);
            }
            qemuImg.convertToQcow2(upload, converted);
            return DiskFiles.copy(converted, imageFile(imageId, "qcow2"), "qcow2");
        } finally {
            DiskFiles.delete(upload);
            DiskFiles.delete(converted);
        }
    }

    @Override
    public InputStream openImage(ImageRecord image) {
        return DiskFiles.open(Path.of(image.location()));
    }

    @Override
    public InputStream openDisk(VmRecord vm, int disk) {
        return DiskFiles.open(Path.of(vm.disks().get(disk).location()));
    }

    @Override
    public long diskSize(VmRecord vm, int disk) {
        Path file = Path.of(vm.disks().get(disk).location());
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new OperationFailedException("disk file " + file + " cannot be read: " + e.getMessage(), false, e);
        }
    }

    @Override
    public List<StoredDisk> createVm(String vmId, List<ImageRecord> sources) {
        List<StoredDisk> disks = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ImageRecord image = sources.get(i);
            disks.add(DiskFiles.copy(Path.of(image.location()),
                    vms.resolve(vmId).resolve("disk-" + i + "." + image.format()), image.format()));
        }
        writePower(vmId, VmRecord.RUNNING);
        return disks;
    }

    @Override
    public void deleteImage(ImageRecord image) {
        DiskFiles.delete(Path.of(image.location()));
    }

    @Override
    public void deleteVm(VmRecord vm) {
        Path dir = vms.resolve(vm.vmId());
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new OperationFailedException("deleting VM " + vm.vmId() + " failed: " + e.getMessage(), true, e);
        }
    }

    private StoredDisk moved(StoredDisk received, Path target, String format) {
        try {
            Files.move(Path.of(received.location()), target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return new StoredDisk(target.toString(), format, received.sizeBytes(), received.sha256());
        } catch (IOException e) {
            throw new OperationFailedException("storing image " + target + " failed: " + e.getMessage(), true, e);
        }
    }

    private Path imageFile(String imageId, String format) {
        return images.resolve(imageId + "." + format);
    }

    private Path powerFile(String vmId) {
        return vms.resolve(vmId).resolve("power");
    }

    private void writePower(String vmId, String state) {
        DiskFiles.write(new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)), powerFile(vmId),
                "power");
    }
}
