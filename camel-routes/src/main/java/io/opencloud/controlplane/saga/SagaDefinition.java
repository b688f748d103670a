package io.opencloud.controlplane.saga;

import java.time.Duration;
import java.util.List;

/**
 * A saga type: its ordered steps and the time it may take in all. A saga still running at its deadline is rolled
 * back, so none is left RUNNING for ever.
 */
public record SagaDefinition(String type, List<SagaStep> steps, Duration deadline) {

    public SagaDefinition {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("saga " + type + " has no step");
        }
        if (steps.stream().map(SagaStep::name).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("saga " + type + " names a step twice");
        }
    }

    public String source() {
        return "/opencloud/sagas/" + type;
    }

    public SagaStep step(int index) {
        return steps.get(index);
    }

    /** The Camel route that sends a step's command: {@code <saga>.<step>}. */
    public String routeId(int index) {
        return type + "." + steps.get(index).name();
    }

    /** The Camel route that sends a step's compensation: {@code <saga>.<step>.compensate}. */
    public String compensationRouteId(int index) {
        return routeId(index) + ".compensate";
    }
}
