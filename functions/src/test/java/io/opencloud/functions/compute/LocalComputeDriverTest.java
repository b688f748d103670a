package io.opencloud.functions.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opencloud.functions.OperationFailedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code local} compute driver moves real bytes: a stored image, a VM's disks and an image saved from them are
 * byte for byte the same; powering is idempotent; a lost disk file is a failure no retry mends; with qemu-img
 * installed an upload is kept as qcow2 (reported skipped where qemu-img is missing).
 */
class LocalComputeDriverTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void anImageSurvivesCreateAndSaveByteForByte() throws IOException {
        LocalComputeDriver driver = driver();
        byte[] bytes = new byte[3 * 1024 * 1024 + 7];
        new Random(1).nextBytes(bytes);
        StoredDisk stored = driver.storeImage("image-1", new ByteArrayInputStream(bytes), "raw");
        assertThat(stored.sizeBytes()).isEqualTo(bytes.length);
        assertThat(Files.readAllBytes(Path.of(stored.location()))).isEqualTo(bytes);
        assertThat(dir.resolve("images")).isDirectoryNotContaining("glob:**.partial");

        ImageRecord image = new ImageRecord("image-1", "os", "local", "raw", stored.location(), stored.sizeBytes(),
                stored.sha256(), JSON.createObjectNode(), null);
        List<StoredDisk> disks = driver.createVm("vm-1", List.of(image));
        VmRecord vm = vm(disks.getFirst());
        assertThat(driver.state(vm)).isEqualTo(VmRecord.RUNNING);
        assertThat(disks.getFirst().sha256()).isEqualTo(stored.sha256());

        driver.powerOff(vm);
        driver.powerOff(vm);
        assertThat(driver.state(vm)).isEqualTo(VmRecord.POWEROFF);
        StoredDisk saved = driver.saveAsImage(vm, 0, "image-2");
        assertThat(saved.sha256()).isEqualTo(stored.sha256());
        try (InputStream in = driver.openDisk(vm, 0)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(driver.diskSize(vm, 0)).isEqualTo(bytes.length);
        driver.resume(vm);
        assertThat(driver.state(vm)).isEqualTo(VmRecord.RUNNING);

        driver.deleteVm(vm);
        driver.deleteVm(vm);
        assertThat(dir.resolve("vms").resolve("vm-1")).doesNotExist();
    }

    @Test
    void aLostDiskFileIsNotRetryable() {
        LocalComputeDriver driver = driver();
        ImageRecord lost = new ImageRecord("gone", "os", "local", "raw", dir.resolve("images/gone.raw").toString(), 1,
                "0".repeat(64), JSON.createObjectNode(), null);
        assertThatThrownBy(() -> driver.openImage(lost)).isInstanceOf(OperationFailedException.class)
                .hasMessageContaining("is missing")
                .satisfies(e -> assertThat(((OperationFailedException) e).retryable()).isFalse());
        driver.deleteImage(lost);
    }

    @Test
    void aRawUploadIsKeptAsQcow2WhenQemuImgIsInstalled() throws IOException {
        assumeTrue(new QemuImg("qemu-img").installed(), "qemu-img is not installed");
        LocalComputeDriver driver = new LocalComputeDriver(new ComputeProperties(
                new ComputeProperties.Local(dir, "qemu-img"), null));
        byte[] bytes = new byte[2 * 1024 * 1024];
        new Random(2).nextBytes(bytes);

        StoredDisk stored = driver.storeImage("uploaded", new ByteArrayInputStream(bytes), null);

        assertThat(stored.format()).isEqualTo("qcow2");
        assertThat(stored.location()).endsWith("uploaded.qcow2");
        assertThat(new QemuImg("qemu-img").format(Path.of(stored.location()))).isEqualTo("qcow2");
        try (InputStream in = Files.newInputStream(Path.of(stored.location()))) {
            assertThat(new String(in.readNBytes(4), StandardCharsets.ISO_8859_1)).isEqualTo("QFI\u00fb");
        }
        try (var files = Files.list(dir.resolve("images"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("uploaded.qcow2");
        }
        StoredDisk again = driver.storeImage("fetched", Files.newInputStream(Path.of(stored.location())), "qcow2");
        assertThat(again.sha256()).as("a qcow2 image is copied byte for byte").isEqualTo(stored.sha256());
    }

    private LocalComputeDriver driver() {
        return new LocalComputeDriver(new ComputeProperties(new ComputeProperties.Local(dir, "no-such-qemu-img"), null));
    }

    private static VmRecord vm(StoredDisk disk) {
        return new VmRecord("vm-1", "web", "local", null, VmRecord.RUNNING, JSON.createObjectNode(),
                List.of(new VmDisk("IMAGE", "image-1", disk.format(), disk.location(), disk.sizeBytes(),
                        disk.sha256())), JSON.createObjectNode(), null, null);
    }
}
