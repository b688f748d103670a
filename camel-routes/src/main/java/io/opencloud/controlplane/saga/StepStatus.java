package io.opencloud.controlplane.saga;

/** Where one step of a saga stands, forward or compensating. */
public enum StepStatus {
    PENDING, RUNNING, RETRY_WAIT, SUCCEEDED, FAILED,
    COMPENSATING, COMPENSATION_RETRY_WAIT, COMPENSATED, COMPENSATION_FAILED
}
