package io.opencloud.controlplane.saga;

import java.time.Instant;

/** One step of a saga as stored, with the command in flight and when it is due. */
public record StepRow(String sagaId, int index, String name, StepStatus status, int attempts,
                      int compensationAttempts, int operatorRetries, String commandId, Instant startedAt,
                      Instant endedAt, Instant dueAt, String lastError) {

    public StepRow sent(StepStatus newStatus, String command, Instant now, Instant due) {
        boolean forward = newStatus == StepStatus.RUNNING;
        return new StepRow(sagaId, index, name, newStatus, forward ? attempts + 1 : attempts,
                forward ? compensationAttempts : compensationAttempts + 1, operatorRetries, command,
                startedAt == null ? now : startedAt, null, due, lastError);
    }

    public StepRow waiting(StepStatus newStatus, Instant due, String error) {
        return new StepRow(sagaId, index, name, newStatus, attempts, compensationAttempts, operatorRetries, commandId,
                startedAt, null, due, error);
    }

    public StepRow ended(StepStatus newStatus, Instant now, String error) {
        return new StepRow(sagaId, index, name, newStatus, attempts, compensationAttempts, operatorRetries, commandId,
                startedAt, now, null, error);
    }

    /** An operator's retry: the compensation is due now, with a fresh set of attempts. */
    public StepRow retriedByOperator() {
        return new StepRow(sagaId, index, name, StepStatus.COMPENSATION_RETRY_WAIT, attempts, compensationAttempts,
                operatorRetries + 1, commandId, startedAt, null, Instant.EPOCH, lastError);
    }

    /** How many compensation attempts the retry policy allows, counting the operator's grants. */
    public int compensationAttemptLimit(RetryPolicy policy) {
        return policy.maxAttempts() * (1 + operatorRetries);
    }
}
