package io.opencloud.functions.compute;

import java.io.InputStream;
import java.util.List;

/**
 * What the control plane asks of a hypervisor or cloud: OpenNebula, OpenStack and KubeVirt drivers implement the same
 * calls as the {@code local} one. Every call is idempotent (a VM already off is powered off, a missing file is
 * deleted), because the functions that make them are delivered at least once. Failures are
 * {@link io.opencloud.functions.OperationFailedException}s that say whether trying again may help.
 */
public interface ComputeDriver {

    String name();

    /** The VM's power state as the driver sees it: {@link VmRecord#RUNNING} or {@link VmRecord#POWEROFF}. */
    String state(VmRecord vm);

    void powerOff(VmRecord vm);

    void resume(VmRecord vm);

    /** Copies disk {@code disk} of a powered-off VM into a new image stored under {@code imageId}. */
    StoredDisk saveAsImage(VmRecord vm, int disk, String imageId);

    /**
     * Stores an image from a stream. {@code format} is the format the bytes are in, or null when unknown (an upload),
     * in which case the driver finds it out and may convert the image to the format it keeps.
     */
    StoredDisk storeImage(String imageId, InputStream bytes, String format);

    InputStream openImage(ImageRecord image);

    /** Reads disk {@code disk} of a VM, which the caller has powered off. */
    InputStream openDisk(VmRecord vm, int disk);

    /** The size in bytes of disk {@code disk} of a VM now. */
    long diskSize(VmRecord vm, int disk);

    /** Creates a running VM whose disks are copies of the images, in order. */
    List<StoredDisk> createVm(String vmId, List<ImageRecord> images);

    void deleteImage(ImageRecord image);

    void deleteVm(VmRecord vm);
}
