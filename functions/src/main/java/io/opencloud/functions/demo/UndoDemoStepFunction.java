package io.opencloud.functions.demo;

import io.opencloud.functions.CommandHeaders;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Compensates a demonstration step. Its first {@code failTimes} attempts fail, so tests can watch a compensation
 * exhaust its retries. Tolerates a step that never happened, and keeps that step from happening later.
 *
 * <p>Consumes {@code io.opencloud.demo.undo.requested.v1}; produces {@code io.opencloud.demo.undo.completed.v1}, or
 * {@code io.opencloud.demo.undo.failed.v1} when it throws. Idempotent: undoing twice undoes once.
 */
@Component("undoDemoStep")
public class UndoDemoStepFunction implements Function<Message<UndoDemoStepRequest>, DemoStepUndone> {

    private final DemoSteps steps;

    public UndoDemoStepFunction(DemoSteps steps) {
        this.steps = steps;
    }

    @Override
    public DemoStepUndone apply(Message<UndoDemoStepRequest> command) {
        UndoDemoStepRequest request = command.getPayload();
        String sagaId = CommandHeaders.requireSagaId(command.getHeaders());
        int attempt = steps.attemptOf(CommandHeaders.commandId(command.getHeaders()), sagaId, request.step(), "undo");
        DemoSteps.failIfScripted(attempt, request.failTimes(), false);
        return new DemoStepUndone(request.step(), steps.undo(sagaId, request.step()));
    }
}
