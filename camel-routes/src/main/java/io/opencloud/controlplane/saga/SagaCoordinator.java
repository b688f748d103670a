package io.opencloud.controlplane.saga;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.events.DerivedIds;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import io.opencloud.events.ProgressType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives every saga from its trigger to a final state. Each transition (a reply, a timeout, a due retry, a deadline,
 * an operator's command) runs in one database transaction that locks the saga, changes its state, appends to its
 * history and writes the next command to the outbox; a crash at any point either loses the whole transition (the
 * event is redelivered) or none of it.
 *
 * <p>A failed or timed-out step is retried by its policy; when retries run out, every step that may have happened
 * is compensated in reverse order and the saga ends COMPENSATED, or FAILED when a compensation exhausts its own
 * retries. A FAILED saga waits for an operator to retry the compensation or abandon the saga.
 */
@Component
public class SagaCoordinator {

    /** The inbox consumer name under which replies the coordinator handled are remembered. */
    static final String CONSUMER = "saga-coordinator";

    private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);
    private static final int BATCH = 100;

    private final SagaStore store;
    private final SagaRegistry registry;
    private final StepDispatcher dispatcher;
    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public SagaCoordinator(SagaStore store, SagaRegistry registry, StepDispatcher dispatcher, Inbox inbox,
                           TransactionTemplate tx, JsonMapper json) {
        this.store = store;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.inbox = inbox;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Starts the saga the trigger maps to and sends its first command; a trigger delivered again by the same owner
     * returns the saga it started the first time. The saga belongs to the owner's tenant.
     */
    public String start(SagaDefinition definition, CloudEvent trigger, String sagaId, Caller owner) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            ObjectNode data = json.createObjectNode();
            data.set("trigger", trigger.getData() == null ? json.createObjectNode()
                    : json.readTree(trigger.getData().toBytes()));
            data.putObject("results");
            SagaRow saga = new SagaRow(sagaId, definition.type(), SagaStatus.RUNNING, 0, data, null,
                    now.plus(definition.deadline()), 0, now, now);
            // Trigger ids are the sender's choice: the same id from two owners starts two sagas.
            String source = owner.scope() + " " + trigger.getSource();
            if (!store.insert(saga, source, trigger.getId(), definition.steps().stream().map(SagaStep::name).toList(),
                    owner)) {
                return store.sagaOfTrigger(source, trigger.getId()).orElseThrow(() -> new IllegalStateException(
                        "saga id " + sagaId + " is taken by a saga another trigger started"));
            }
            store.record(sagaId, "STARTED", null, trigger.getId(), trigger.getType(), "saga " + definition.type());
            sendForward(definition, store.lock(sagaId).orElseThrow(), store.step(sagaId, 0), now);
            return sagaId;
        });
    }

    /** Applies a reply to the step that is waiting for it; redelivered and stale replies change nothing. */
    public void onReply(CloudEvent reply) {
        Object sagaId = reply.getExtension(Envelope.SAGA_ID);
        Object commandId = reply.getExtension(Envelope.CAUSATION_ID);
        if (sagaId == null || commandId == null) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (!inbox.firstDelivery(CONSUMER, reply.getId())) {
                return;
            }
            if (ProgressType.of(reply.getType()).isPresent()) {
                recordProgress(sagaId.toString(), commandId.toString(), reply);
                return;
            }
            Optional<SagaRow> locked = store.lock(sagaId.toString());
            if (locked.isEmpty()) {
                return;
            }
            SagaRow saga = locked.get();
            SagaDefinition definition = registry.get(saga.type());
            Optional<StepRow> waiting = store.steps(saga.sagaId()).stream()
                    .filter(step -> commandId.toString().equals(step.commandId()))
                    .filter(step -> step.status() == StepStatus.RUNNING || step.status() == StepStatus.COMPENSATING)
                    .findFirst();
            boolean completed = reply.getType().contains("." + Phase.COMPLETED.label() + ".v");
            JsonNode data = reply.getData() == null ? json.createObjectNode() : json.readTree(reply.getData().toBytes());
            Instant now = clock.instant();
            if (waiting.isEmpty()) {
                if (!onItemReply(definition, saga, commandId.toString(), reply, completed, data, now)) {
                    store.record(saga.sagaId(), "REPLY_IGNORED", null, reply.getId(), reply.getType(),
                            "no step waits for command " + commandId + " any more");
                }
                return;
            }
            StepRow step = waiting.get();
            if (step.status() == StepStatus.RUNNING) {
                store.record(saga.sagaId(), completed ? "STEP_COMPLETED" : "STEP_FAILED_ATTEMPT", step.index(),
                        reply.getId(), reply.getType(), completed ? null : data.path("reason").asString());
                if (completed) {
                    forwardCompleted(definition, saga, step, data, now);
                } else {
                    forwardFailed(definition, saga, step, data.path("reason").asString("no reason given"),
                            data.path("retryable").asBoolean(true), now);
                }
            } else {
                store.record(saga.sagaId(), completed ? "COMPENSATION_COMPLETED" : "COMPENSATION_FAILED_ATTEMPT",
                        step.index(), reply.getId(), reply.getType(), completed ? null : data.path("reason").asString());
                if (completed) {
                    store.update(step.ended(StepStatus.COMPENSATED, now, step.lastError()));
                    compensateFrom(definition, saga, step.index() - 1, now);
                } else {
                    compensationFailed(definition, saga, step, data.path("reason").asString("no reason given"), now);
                }
            }
        });
    }

    /* Progress changes nothing: it is written to the history, against the step whose command it reports on. */
    private void recordProgress(String sagaId, String commandId, CloudEvent progress) {
        if (store.find(sagaId).isEmpty()) {
            return;
        }
        Integer step = store.steps(sagaId).stream().filter(row -> commandId.equals(row.commandId()))
                .map(StepRow::index).findFirst().orElse(null);
        JsonNode data = progress.getData() == null ? json.createObjectNode()
                : json.readTree(progress.getData().toBytes());
        store.record(sagaId, "PROGRESS", step, progress.getId(), progress.getType(), data.path("message").asString(
                data.path("address").asString("")));
    }

    /** Acts on every step whose reply is overdue or whose retry is due, and on every saga past its deadline. */
    public void processDue() {
        Instant now = clock.instant();
        for (StepRow due : store.dueSteps(now, BATCH)) {
            tx.executeWithoutResult(status -> store.lock(due.sagaId()).ifPresent(saga -> actOnDueStep(saga, due.index())));
        }
        for (String sagaId : store.runningPastDeadline(now, BATCH)) {
            tx.executeWithoutResult(status -> store.lock(sagaId).ifPresent(this::actOnDeadline));
        }
    }

    /**
     * Called once at start-up: a command in flight when the control plane stopped may have its reply waiting in
     * Kafka, so it gets its step's whole timeout again rather than timing out the moment the timer starts.
     */
    public void resumeInFlight() {
        int resumed = 0;
        for (SagaDefinition definition : registry.all()) {
            for (int i = 0; i < definition.steps().size(); i++) {
                resumed += store.extendInFlight(definition.type(), i, definition.step(i).timeout());
            }
        }
        if (resumed > 0) {
            log.info("Resumed {} saga command(s) that were in flight when the control plane last stopped", resumed);
        }
    }

    /** An operator retries the failed compensation of a FAILED saga. */
    public boolean retry(String sagaId, String operator) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<SagaRow> locked = store.lock(sagaId).filter(saga -> saga.status() == SagaStatus.FAILED);
            if (locked.isEmpty()) {
                return false;
            }
            SagaRow saga = store.update(locked.get().withStatus(SagaStatus.COMPENSATING));
            store.steps(sagaId).stream().filter(step -> step.status() == StepStatus.COMPENSATION_FAILED)
                    .forEach(step -> store.update(step.retriedByOperator()));
            store.record(sagaId, "OPERATOR_RETRY", saga.currentStep(), null, null, "by " + operator);
            return true;
        }));
    }

    /** An operator gives up on a FAILED saga; what its compensation could not undo is left for a person. */
    public boolean abandon(String sagaId, String operator, String reason) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<SagaRow> locked = store.lock(sagaId).filter(saga -> saga.status() == SagaStatus.FAILED);
            if (locked.isEmpty()) {
                return false;
            }
            store.update(locked.get().withStatus(SagaStatus.ABANDONED));
            store.record(sagaId, "OPERATOR_ABANDON", null, null, null, "by " + operator + ": " + reason);
            return true;
        }));
    }

    private void actOnDueStep(SagaRow saga, int index) {
        SagaDefinition definition = registry.get(saga.type());
        StepRow step = store.step(saga.sagaId(), index);
        Instant now = clock.instant();
        if (step.dueAt() == null || step.dueAt().isAfter(now)) {
            return;
        }
        Duration timeout = definition.step(index).timeout();
        switch (step.status()) {
            case RUNNING -> {
                if (definition.step(index).fanOut().isPresent()) {
                    advanceFanOut(definition, saga, step, (ObjectNode) saga.data().deepCopy(), now);
                    return;
                }
                store.record(saga.sagaId(), "STEP_TIMED_OUT", index, step.commandId(), null,
                        "no reply within " + timeout);
                forwardFailed(definition, saga, step, "no reply within " + timeout, true, now);
            }
            case RETRY_WAIT -> sendForward(definition, saga, step, now);
            case COMPENSATING -> {
                store.record(saga.sagaId(), "COMPENSATION_TIMED_OUT", index, step.commandId(), null,
                        "no reply within " + timeout);
                compensationFailed(definition, saga, step, "no reply within " + timeout, now);
            }
            case COMPENSATION_RETRY_WAIT -> sendCompensation(definition, saga, step, now);
            default -> store.update(step.waiting(step.status(), null, step.lastError()));
        }
    }

    private void actOnDeadline(SagaRow saga) {
        Instant now = clock.instant();
        if (saga.status() != SagaStatus.RUNNING || saga.deadline().isAfter(now)) {
            return;
        }
        SagaDefinition definition = registry.get(saga.type());
        StepRow current = store.step(saga.sagaId(), saga.currentStep());
        String reason = "the saga's deadline " + saga.deadline() + " passed";
        if (current.status() == StepStatus.RUNNING || current.status() == StepStatus.RETRY_WAIT) {
            store.update(current.ended(StepStatus.FAILED, now, reason));
        }
        store.record(saga.sagaId(), "DEADLINE_PASSED", saga.currentStep(), null, null, reason);
        beginCompensation(definition, saga, saga.currentStep(), reason, now);
    }

    private void forwardCompleted(SagaDefinition definition, SagaRow saga, StepRow step, JsonNode result, Instant now) {
        store.update(step.ended(StepStatus.SUCCEEDED, now, null));
        ObjectNode data = (ObjectNode) saga.data().deepCopy();
        ((ObjectNode) data.get("results")).set(step.name(), result);
        SagaRow updated = saga.withData(data);
        int next = step.index() + 1;
        if (next < definition.steps().size()) {
            sendForward(definition, updated, store.step(saga.sagaId(), next), now);
        } else {
            store.update(updated.withStatus(SagaStatus.COMPLETED));
            store.record(saga.sagaId(), "COMPLETED", null, null, null, null);
        }
    }

    private void forwardFailed(SagaDefinition definition, SagaRow saga, StepRow step, String reason, boolean retryable,
                               Instant now) {
        RetryPolicy policy = definition.step(step.index()).retry();
        if (retryable && step.attempts() < policy.maxAttempts()) {
            Duration backoff = policy.backoffAfter(step.attempts());
            store.update(step.waiting(StepStatus.RETRY_WAIT, now.plus(backoff), reason));
            store.record(saga.sagaId(), "STEP_RETRY_SCHEDULED", step.index(), null, null,
                    "attempt " + (step.attempts() + 1) + " of " + policy.maxAttempts() + " in " + backoff);
            return;
        }
        failStep(definition, saga, step, "failed after " + step.attempts() + " attempt(s): " + reason, now);
    }

    private void failStep(SagaDefinition definition, SagaRow saga, StepRow step, String reason, Instant now) {
        store.update(step.ended(StepStatus.FAILED, now, reason));
        String why = "step " + step.name() + " " + reason;
        store.record(saga.sagaId(), "STEP_FAILED", step.index(), null, null, why);
        beginCompensation(definition, saga, step.index(), why, now);
    }

    private void beginCompensation(SagaDefinition definition, SagaRow saga, int from, String reason, Instant now) {
        SagaRow compensating = store.update(saga.withStatus(SagaStatus.COMPENSATING).withFailureReason(reason)
                .withCurrentStep(from));
        store.record(saga.sagaId(), "COMPENSATING", from, null, null, reason);
        compensateFrom(definition, compensating, from, now);
    }

    /*
     * Walks back from step {@code from}: a step that was attempted may have had its effect even when its reply never
     * came, so it is compensated; compensations tolerate steps that never happened.
     */
    private void compensateFrom(SagaDefinition definition, SagaRow saga, int from, Instant now) {
        for (int i = from; i >= 0; i--) {
            StepRow step = store.step(saga.sagaId(), i);
            if (step.attempts() > 0 && definition.step(i).compensation().isPresent()
                    && step.status() != StepStatus.COMPENSATED) {
                sendCompensation(definition, saga, step, now);
                return;
            }
        }
        store.update(saga.withStatus(SagaStatus.COMPENSATED).withCurrentStep(0));
        store.record(saga.sagaId(), "COMPENSATED", null, null, null, saga.failureReason());
    }

    private void compensationFailed(SagaDefinition definition, SagaRow saga, StepRow step, String reason, Instant now) {
        RetryPolicy policy = definition.step(step.index()).retry();
        int limit = step.compensationAttemptLimit(policy);
        if (step.compensationAttempts() < limit) {
            Duration backoff = policy.backoffAfter(step.compensationAttempts());
            store.update(step.waiting(StepStatus.COMPENSATION_RETRY_WAIT, now.plus(backoff), reason));
            store.record(saga.sagaId(), "COMPENSATION_RETRY_SCHEDULED", step.index(), null, null,
                    "attempt " + (step.compensationAttempts() + 1) + " of " + limit + " in " + backoff);
            return;
        }
        store.update(step.ended(StepStatus.COMPENSATION_FAILED, now, reason));
        String why = "compensation of step " + step.name() + " failed after " + step.compensationAttempts()
                + " attempt(s): " + reason;
        store.update(saga.withStatus(SagaStatus.FAILED).withFailureReason(why).withCurrentStep(step.index()));
        store.record(saga.sagaId(), "FAILED", step.index(), null, null, why + "; waiting for an operator");
        log.warn("Saga {} ({}) FAILED and waits for an operator: {}", saga.sagaId(), saga.type(), why);
    }

    private void sendForward(SagaDefinition definition, SagaRow saga, StepRow step, Instant now) {
        SagaStep spec = definition.step(step.index());
        if (spec.fanOut().isPresent()) {
            startFanOut(definition, saga, step, spec, now);
            return;
        }
        String commandId = commandId(saga, step, "do", step.attempts() + 1);
        JsonNode data = spec.commandData().apply(new SagaContext(saga.sagaId(), saga.data()));
        store.update(step.sent(StepStatus.RUNNING, commandId, now, now.plus(spec.timeout())));
        store.update(saga.withCurrentStep(step.index()));
        dispatcher.send(definition.routeId(step.index()), command(definition, saga, spec.command(), commandId, data, now));
        store.record(saga.sagaId(), "STEP_SENT", step.index(), commandId, spec.command().requestedType(),
                "attempt " + (step.attempts() + 1) + " of " + spec.retry().maxAttempts());
    }

    private void sendCompensation(SagaDefinition definition, SagaRow saga, StepRow step, Instant now) {
        SagaStep spec = definition.step(step.index());
        Operation compensation = spec.compensation().orElseThrow();
        String commandId = commandId(saga, step, "undo", step.compensationAttempts() + 1);
        JsonNode data = spec.compensationData().apply(new SagaContext(saga.sagaId(), saga.data()));
        store.update(step.sent(StepStatus.COMPENSATING, commandId, now, now.plus(spec.timeout())));
        store.update(saga.withCurrentStep(step.index()));
        dispatcher.send(definition.compensationRouteId(step.index()),
                command(definition, saga, compensation, commandId, data, now));
        store.record(saga.sagaId(), "COMPENSATION_SENT", step.index(), commandId, compensation.requestedType(),
                "attempt " + (step.compensationAttempts() + 1) + " of " + step.compensationAttemptLimit(spec.retry()));
    }

    private void startFanOut(SagaDefinition definition, SagaRow saga, StepRow step, SagaStep spec, Instant now) {
        List<JsonNode> commands = spec.fanOut().orElseThrow().items()
                .apply(new SagaContext(saga.sagaId(), saga.data()));
        ObjectNode data = (ObjectNode) saga.data().deepCopy();
        FanOutItems.start(data, step.name(), commands);
        StepRow running = step.sent(StepStatus.RUNNING, null, now, null);
        store.update(running);
        store.record(saga.sagaId(), "FAN_OUT", step.index(), null, spec.command().requestedType(),
                commands.size() + " item(s), at most " + spec.fanOut().orElseThrow().parallelism() + " at a time");
        advanceFanOut(definition, saga.withCurrentStep(step.index()), running, data, now);
    }

    /** Applies a reply to the fan-out item waiting for it; false when no item waits for that command. */
    private boolean onItemReply(SagaDefinition definition, SagaRow saga, String commandId, CloudEvent reply,
                                boolean completed, JsonNode result, Instant now) {
        StepRow step = store.step(saga.sagaId(), saga.currentStep());
        SagaStep spec = definition.step(step.index());
        if (step.status() != StepStatus.RUNNING || spec.fanOut().isEmpty()) {
            return false;
        }
        ObjectNode data = (ObjectNode) saga.data().deepCopy();
        FanOutItems items = FanOutItems.of(data, step.name());
        Optional<Integer> item = items.runningWith(commandId);
        if (item.isEmpty()) {
            return false;
        }
        int index = item.get();
        String which = "item " + (index + 1) + " of " + items.size();
        if (completed) {
            store.record(saga.sagaId(), "ITEM_COMPLETED", step.index(), reply.getId(), reply.getType(), which);
            items.succeeded(index, result);
        } else {
            String reason = result.path("reason").asString("no reason given");
            store.record(saga.sagaId(), "ITEM_FAILED_ATTEMPT", step.index(), reply.getId(), reply.getType(),
                    which + ": " + reason);
            itemFailed(saga, step, spec, items, index, reason, result.path("retryable").asBoolean(true), now);
        }
        advanceFanOut(definition, saga, step, data, now);
        return true;
    }

    private void itemFailed(SagaRow saga, StepRow step, SagaStep spec, FanOutItems items, int index, String reason,
                            boolean retryable, Instant now) {
        int attempts = items.attempts(index);
        String which = "item " + (index + 1) + " of " + items.size();
        if (retryable && attempts < spec.retry().maxAttempts()) {
            Duration backoff = spec.retry().backoffAfter(attempts);
            items.retryAt(index, now.plus(backoff), reason);
            store.record(saga.sagaId(), "ITEM_RETRY_SCHEDULED", step.index(), null, null,
                    which + ": attempt " + (attempts + 1) + " of " + spec.retry().maxAttempts() + " in " + backoff);
        } else {
            items.failed(index, reason + " (after " + attempts + " attempt(s))");
        }
    }

    /*
     * Times out the items whose reply is overdue, sends pending and due items while fewer than the bound are in
     * flight, then completes the step, fails it (cancelling the rest) or waits for the next due item.
     */
    private void advanceFanOut(SagaDefinition definition, SagaRow saga, StepRow step, ObjectNode data, Instant now) {
        SagaStep spec = definition.step(step.index());
        FanOutItems items = FanOutItems.of(data, step.name());
        for (int i = 0; i < items.size(); i++) {
            Instant due = items.dueAt(i);
            if (items.status(i).equals(FanOutItems.RUNNING) && due != null && !due.isAfter(now)) {
                store.record(saga.sagaId(), "ITEM_TIMED_OUT", step.index(), items.item(i).path("commandId").asString(),
                        null, "item " + (i + 1) + " of " + items.size() + ": no reply within " + spec.timeout());
                itemFailed(saga, step, spec, items, i, "no reply within " + spec.timeout(), true, now);
            }
        }
        if (items.count(FanOutItems.FAILED) == 0) {
            long inFlight = items.count(FanOutItems.RUNNING);
            for (int i = 0; i < items.size() && inFlight < spec.fanOut().orElseThrow().parallelism(); i++) {
                Instant due = items.dueAt(i);
                boolean ready = items.status(i).equals(FanOutItems.PENDING)
                        || items.status(i).equals(FanOutItems.RETRY_WAIT) && !due.isAfter(now);
                if (ready) {
                    sendItem(definition, saga, step, spec, items, i, now);
                    inFlight++;
                }
            }
        }
        Optional<String> failure = items.firstFailure();
        failure.ifPresent(reason -> items.cancelUnfinished());
        SagaRow updated = store.update(saga.withData(data));
        if (failure.isPresent()) {
            failStep(definition, updated, step, "failed: " + failure.get(), now);
        } else if (items.count(FanOutItems.SUCCEEDED) == items.size()) {
            forwardCompleted(definition, updated, step, items.results(json.createObjectNode()), now);
        } else {
            store.update(step.waiting(StepStatus.RUNNING, items.nextDue().orElse(null), step.lastError()));
        }
    }

    private void sendItem(SagaDefinition definition, SagaRow saga, StepRow step, SagaStep spec, FanOutItems items,
                          int index, Instant now) {
        int attempt = items.attempts(index) + 1;
        String commandId = DerivedIds.of(saga.sagaId(), String.valueOf(step.index()), "item", String.valueOf(index),
                String.valueOf(attempt));
        items.sent(index, commandId, now.plus(spec.timeout()));
        dispatcher.send(definition.routeId(step.index()),
                command(definition, saga, spec.command(), commandId, items.item(index).path("data"), now));
        store.record(saga.sagaId(), "ITEM_SENT", step.index(), commandId, spec.command().requestedType(),
                "item " + (index + 1) + " of " + items.size() + ", attempt " + attempt + " of "
                        + spec.retry().maxAttempts());
    }

    /*
     * Derived from the saga, step, direction and attempt, so that a transition replayed after a crash sends the very
     * same command, which the function's idempotency then recognizes.
     */
    private static String commandId(SagaRow saga, StepRow step, String direction, int attempt) {
        return UUID.nameUUIDFromBytes((saga.sagaId() + ":" + step.index() + ":" + direction + ":" + attempt)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private OutboxEvent command(SagaDefinition definition, SagaRow saga, Operation operation, String commandId,
                                JsonNode data, Instant now) {
        return new OutboxEvent(commandId, saga.sagaId(), operation.requestedType(), operation.commandsTopic(),
                json.writeValueAsString(data), definition.source(), saga.sagaId(), now.toString(), saga.sagaId(), null);
    }
}
