package io.opencloud.controlplane.saga;

import io.opencloud.events.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One step of a saga: the command it sends (with its data, computed from the saga's data), the compensation that
 * undoes it, how often it is tried and how long a reply may take. A fan-out step sends one command per item instead,
 * a bounded number at a time, each item retried on its own; it completes when every item has.
 */
public record SagaStep(String name, Operation command, Function<SagaContext, JsonNode> commandData,
                       Optional<Operation> compensation, Function<SagaContext, JsonNode> compensationData,
                       RetryPolicy retry, Duration timeout, Optional<FanOut> fanOut) {

    public static SagaStep of(String name, Operation command, Function<SagaContext, JsonNode> commandData,
                              RetryPolicy retry, Duration timeout) {
        return new SagaStep(name, command, commandData, Optional.empty(), context -> null, retry, timeout,
                Optional.empty());
    }

    /**
     * A fan-out step: {@code items} gives each item's command data; at most {@code parallelism} commands are in
     * flight at once. Its result is {@code {"items": [each item's reply data, in item order]}}.
     */
    public static SagaStep forEach(String name, Operation command, Function<SagaContext, List<JsonNode>> items,
                                   int parallelism, RetryPolicy retry, Duration timeout) {
        return new SagaStep(name, command, context -> null, Optional.empty(), context -> null, retry, timeout,
                Optional.of(new FanOut(items, parallelism)));
    }

    public SagaStep compensatedBy(Operation compensation, Function<SagaContext, JsonNode> data) {
        return new SagaStep(name, command, commandData, Optional.of(compensation), data, retry, timeout, fanOut);
    }

    /** How a fan-out step finds its items, and how many of their commands may be in flight at once. */
    public record FanOut(Function<SagaContext, List<JsonNode>> items, int parallelism) {

        public FanOut {
            if (parallelism < 1) {
                throw new IllegalArgumentException("a fan-out sends at least one command at a time");
            }
        }
    }
}
