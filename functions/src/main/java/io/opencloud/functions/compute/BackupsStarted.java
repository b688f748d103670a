package io.opencloud.functions.compute;

/** What the sweep did: how many backup sagas it started, and whether more VMs were due than it could start. */
public record BackupsStarted(int started, boolean more) {
}
