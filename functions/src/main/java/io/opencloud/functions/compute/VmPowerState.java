package io.opencloud.functions.compute;

/** A VM's power state after a power command: RUNNING, POWEROFF, or ABSENT when the VM does not exist. */
public record VmPowerState(String vmId, String state) {
}
