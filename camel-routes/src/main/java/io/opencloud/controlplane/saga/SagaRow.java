package io.opencloud.controlplane.saga;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A saga as stored: {@code version} guards every update against a stale read. */
public record SagaRow(String sagaId, String type, SagaStatus status, int currentStep, JsonNode data,
                      String failureReason, Instant deadline, long version, Instant createdAt, Instant updatedAt) {

    public SagaRow withStatus(SagaStatus newStatus) {
        return new SagaRow(sagaId, type, newStatus, currentStep, data, failureReason, deadline, version, createdAt,
                updatedAt);
    }

    public SagaRow withCurrentStep(int step) {
        return new SagaRow(sagaId, type, status, step, data, failureReason, deadline, version, createdAt, updatedAt);
    }

    public SagaRow withData(JsonNode newData) {
        return new SagaRow(sagaId, type, status, currentStep, newData, failureReason, deadline, version, createdAt,
                updatedAt);
    }

    public SagaRow withFailureReason(String reason) {
        return new SagaRow(sagaId, type, status, currentStep, data, reason, deadline, version, createdAt, updatedAt);
    }
}
