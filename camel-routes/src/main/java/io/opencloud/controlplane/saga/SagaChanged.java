package io.opencloud.controlplane.saga;

/**
 * A saga was started or changed. Published synchronously inside the transaction that wrote it: a listener's writes
 * commit or roll back with the saga's.
 */
public record SagaChanged(SagaRow saga) {
}
