package io.opencloud.controlplane.saga;

/** Where a saga stands. COMPLETED, COMPENSATED and ABANDONED are final; FAILED waits for an operator. */
public enum SagaStatus {
    RUNNING, COMPENSATING, COMPLETED, COMPENSATED, FAILED, ABANDONED;

    public boolean isFinal() {
        return this == COMPLETED || this == COMPENSATED || this == ABANDONED;
    }
}
