package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One step of a saga: the command it sends (with its data, computed from the saga's data), the compensation that
 * undoes it, how often it is tried and how long a reply may take.
 */
public record SagaStep(String name, Operation command, Function<SagaContext, JsonNode> commandData,
                       Optional<Operation> compensation, Function<SagaContext, JsonNode> compensationData,
                       RetryPolicy retry, Duration timeout) {

    public static SagaStep of(String name, Operation command, Function<SagaContext, JsonNode> commandData,
                              RetryPolicy retry, Duration timeout) {
        return new SagaStep(name, command, commandData, Optional.empty(), context -> null, retry, timeout);
    }

    public SagaStep compensatedBy(Operation compensation, Function<SagaContext, JsonNode> data) {
        return new SagaStep(name, command, commandData, Optional.of(compensation), data, retry, timeout);
    }
}
