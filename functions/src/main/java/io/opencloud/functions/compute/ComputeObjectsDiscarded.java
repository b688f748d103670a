package io.opencloud.functions.compute;

/** How many objects of each kind a discard deleted. */
public record ComputeObjectsDiscarded(int vms, int templates, int serviceTemplates, int images) {
}
