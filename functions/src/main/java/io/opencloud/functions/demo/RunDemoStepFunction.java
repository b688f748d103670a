package io.opencloud.functions.demo;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * A demonstration saga step whose failures a script decides: its first {@code failTimes} attempts fail (or, with
 * {@code hang}, go unanswered so the saga's timeout fires); later attempts record the step's effect once.
 *
 * <p>Consumes {@code io.opencloud.demo.step.requested.v1}; produces {@code io.opencloud.demo.step.completed.v1}, or
 * {@code io.opencloud.demo.step.failed.v1} when it throws. Idempotent: the effect is recorded once per saga and
 * step, and a redelivered command counts as the same attempt. A step whose undo already ran fails for good.
 */
@Component("runDemoStep")
public class RunDemoStepFunction implements Function<Message<DemoStepRequest>, DemoStepDone> {

    private final DemoSteps steps;

    public RunDemoStepFunction(DemoSteps steps) {
        this.steps = steps;
    }

    @Override
    public DemoStepDone apply(Message<DemoStepRequest> command) {
        DemoStepRequest request = command.getPayload();
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        int attempt = steps.attemptOf(CommandHeaders.commandId(command.getHeaders()), sagaId, request.step(), "step");
        DemoSteps.failIfScripted(attempt, request.failTimes(), request.hang());
        if (steps.doStep(sagaId, request.step()) == DemoSteps.Effect.ALREADY_UNDONE) {
            throw new OperationFailedException("step " + request.step() + " was already compensated", false);
        }
        return new DemoStepDone(request.step(), attempt);
    }
}
