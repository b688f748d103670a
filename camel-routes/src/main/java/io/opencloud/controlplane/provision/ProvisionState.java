package io.opencloud.controlplane.provision;

/**
 * Where a provision stands, as in ONEedge: PENDING until its saga starts, DEPLOYING while Terraform runs, CONFIGURING
 * while its hosts are checked, RUNNING when all are, ERROR when its deployment or deletion failed (with the cause),
 * DONE once deleted.
 */
public enum ProvisionState {
    PENDING, DEPLOYING, CONFIGURING, RUNNING, ERROR, DONE
}
