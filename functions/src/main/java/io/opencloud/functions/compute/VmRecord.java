package io.opencloud.functions.compute;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A VM of the compute inventory ({@code compute_vm}), with the template body it was created from. */
public record VmRecord(String vmId, String name, String driver, String templateId, String state, JsonNode template,
                       List<VmDisk> disks, JsonNode attributes, VmBackup backup, String createdBySaga) {

    public static final String RUNNING = "RUNNING";
    public static final String POWEROFF = "POWEROFF";
}
