package io.opencloud.functions.terraform;

import io.opencloud.events.ProgressType;
import io.opencloud.functions.outbox.OutboxRow;
import io.opencloud.functions.outbox.OutboxRows;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports what Terraform does to each resource while a step runs, as progress CloudEvents
 * ({@code io.opencloud.terraform.resource.started.v1}, {@code .completed.v1}, {@code .failed.v1}) on the terraform
 * events topic. They go through the outbox like every event the control plane emits, keyed by saga id and caused by
 * the command, so the saga's history shows them in order with its transitions.
 */
@Component
public class ProgressReporter {

    private static final String SOURCE = "/opencloud/functions/terraform";

    private final OutboxRows outbox;
    private final JsonMapper json;

    public ProgressReporter(OutboxRows outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** Reports a Terraform {@code -json} event when it is one about a resource starting, completing or failing. */
    public void report(TerraformCommand command, JsonNode event) {
        ProgressType type = switch (event.path("type").asString("")) {
            case "apply_start" -> ProgressType.RESOURCE_STARTED;
            case "apply_complete" -> ProgressType.RESOURCE_COMPLETED;
            case "apply_errored" -> ProgressType.RESOURCE_FAILED;
            default -> null;
        };
        if (type == null) {
            return;
        }
        JsonNode hook = event.path("hook");
        ObjectNode data = json.createObjectNode().put("provisionId", command.provisionId())
                .put("command", command.name())
                .put("address", hook.path("resource").path("addr").asString("unknown"))
                .put("action", hook.path("action").asString("unknown"))
                .put("message", event.path("@message").asString(""));
        if (hook.has("elapsed_seconds")) {
            data.put("elapsedSeconds", hook.path("elapsed_seconds").asDouble());
        }
        outbox.emit(new OutboxRow(UUID.randomUUID().toString(), "progress", command.sagaId(), type.type(),
                type.eventsTopic(), json.writeValueAsString(data), SOURCE, command.provisionId(),
                Instant.now().toString(), command.sagaId(), command.commandId()));
    }
}
