package io.opencloud.controlplane.http;

import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.saga.HistoryEntry;
import io.opencloud.controlplane.saga.SagaCoordinator;
import io.opencloud.controlplane.saga.SagaRow;
import io.opencloud.controlplane.saga.SagaStatus;
import io.opencloud.controlplane.saga.SagaStore;
import io.opencloud.controlplane.saga.StepRow;
import io.opencloud.functions.web.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Sagas for the people who run them: the list, one saga with its steps and history, a live stream of its
 * transitions, and the operator's two commands for a FAILED saga, retry and abandon.
 */
@RestController
@Requires(Role.VIEWER)
@RequestMapping("/sagas")
public class SagasController {

    private static final Duration STREAM_POLL = Duration.ofMillis(100);
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(30);

    private final SagaStore store;
    private final SagaCoordinator coordinator;

    public SagasController(SagaStore store, SagaCoordinator coordinator) {
        this.store = store;
        this.coordinator = coordinator;
    }

    @GetMapping
    public ResponseEntity<?> list(Caller caller, @RequestParam Optional<String> status,
                                  @RequestParam Optional<String> type, @RequestParam Optional<String> trigger,
                                  @RequestParam Optional<String> tenant, @RequestParam(defaultValue = "50") int limit) {
        Optional<SagaStatus> wanted;
        try {
            wanted = status.map(s -> SagaStatus.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status must be one of " + List.of(SagaStatus.values()));
        }
        Optional<String> scope = caller.seesEveryTenant() ? tenant : Optional.of(caller.tenant());
        return ResponseEntity.ok(store.list(scope, wanted, type, trigger, Math.clamp(limit, 1, 500)).stream()
                .map(SagasController::summary).toList());
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable String id, Caller caller) {
        if (!visible(id, caller)) {
            return notFound(id);
        }
        return store.find(id).<ResponseEntity<?>>map(saga -> {
            Map<String, Object> body = summary(saga);
            body.put("data", saga.data());
            body.put("steps", store.steps(id).stream().map(SagasController::step).toList());
            body.put("history", store.history(id, 0));
            return ResponseEntity.ok(body);
        }).orElseGet(() -> notFound(id));
    }

    /** One server-sent event per transition, the past ones first; the stream ends when the saga is final. */
    @GetMapping("/{id}/stream")
    public Object stream(@PathVariable String id, Caller caller) {
        if (!visible(id, caller)) {
            return notFound(id);
        }
        SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        Thread.ofVirtual().name("saga-stream-" + id).start(() -> follow(id, emitter));
        return emitter;
    }

    @PostMapping("/{id}/retry")
    @Requires(Role.OPERATOR)
    public ResponseEntity<?> retry(@PathVariable String id, Caller caller) {
        if (!visible(id, caller)) {
            return notFound(id);
        }
        if (coordinator.retry(id, operator(caller))) {
            return ResponseEntity.accepted().body(Map.of("sagaId", id, "status", SagaStatus.COMPENSATING.name()));
        }
        return notFailed(id);
    }

    @PostMapping("/{id}/abandon")
    @Requires(Role.OPERATOR)
    public ResponseEntity<?> abandon(@PathVariable String id, @RequestBody(required = false) OperatorCommand command,
                                     Caller caller) {
        if (!visible(id, caller)) {
            return notFound(id);
        }
        String reason = command == null || command.reason() == null ? "no reason given" : command.reason();
        if (coordinator.abandon(id, operator(caller), reason)) {
            return ResponseEntity.ok(Map.of("sagaId", id, "status", SagaStatus.ABANDONED.name()));
        }
        return notFailed(id);
    }

    /** Why an operator gives a command; it is written to the saga's history with the operator the token names. */
    public record OperatorCommand(String reason) {
    }

    /** Another tenant's saga is answered as if it did not exist. */
    private boolean visible(String id, Caller caller) {
        return store.tenantOf(id).filter(caller::sees).isPresent();
    }

    private void follow(String id, SseEmitter emitter) {
        long last = 0;
        long deadline = System.nanoTime() + STREAM_LIMIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                boolean finalBefore = store.find(id).map(saga -> saga.status().isFinal()).orElse(true);
                for (HistoryEntry entry : store.history(id, last)) {
                    emitter.send(SseEmitter.event().id(String.valueOf(entry.id())).name(entry.transition()).data(entry));
                    last = entry.id();
                }
                if (finalBefore) {
                    break;
                }
                Thread.sleep(STREAM_POLL);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    private static String operator(Caller caller) {
        return caller.subject() + " (" + caller.tenant() + ")";
    }

    private ResponseEntity<?> notFailed(String id) {
        return store.find(id).<ResponseEntity<?>>map(saga -> Problems.of(HttpStatus.CONFLICT, "saga-not-failed",
                        "Saga is not FAILED", "saga " + id + " is " + saga.status()
                                + "; only a FAILED saga can be retried or abandoned"))
                .orElseGet(() -> notFound(id));
    }

    private static ResponseEntity<?> notFound(String id) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-such-saga", "No such saga", "no saga has the id " + id);
    }

    private static Map<String, Object> summary(SagaRow saga) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sagaId", saga.sagaId());
        body.put("type", saga.type());
        body.put("status", saga.status().name());
        body.put("currentStep", saga.currentStep());
        body.put("failureReason", saga.failureReason());
        body.put("deadline", saga.deadline().toString());
        body.put("version", saga.version());
        body.put("createdAt", saga.createdAt().toString());
        body.put("updatedAt", saga.updatedAt().toString());
        return body;
    }

    private static Map<String, Object> step(StepRow step) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", step.index());
        body.put("name", step.name());
        body.put("status", step.status().name());
        body.put("attempts", step.attempts());
        body.put("compensationAttempts", step.compensationAttempts());
        body.put("operatorRetries", step.operatorRetries());
        body.put("commandId", step.commandId());
        body.put("startedAt", step.startedAt());
        body.put("endedAt", step.endedAt());
        body.put("dueAt", step.dueAt());
        body.put("lastError", step.lastError());
        return body;
    }
}
