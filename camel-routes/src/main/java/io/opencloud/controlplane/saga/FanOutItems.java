package io.opencloud.controlplane.saga;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The items of a fan-out step, kept in the saga's data under {@code fanout.<step>} so that they change in the same
 * transaction, under the same row lock, as the rest of the saga. Each item is PENDING, RUNNING, RETRY_WAIT,
 * SUCCEEDED, FAILED or CANCELLED, with its attempts, the command in flight, when it is due and its last error.
 */
final class FanOutItems {

    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String RETRY_WAIT = "RETRY_WAIT";
    static final String SUCCEEDED = "SUCCEEDED";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    private final ArrayNode items;

    private FanOutItems(ArrayNode items) {
        this.items = items;
    }

    /** Starts the items afresh in {@code data}, all PENDING. */
    static FanOutItems start(ObjectNode data, String step, List<JsonNode> commands) {
        ArrayNode items = data.withObject("fanout").putArray(step);
        commands.forEach(command -> items.addObject().put("status", PENDING).put("attempts", 0).set("data", command));
        return new FanOutItems(items);
    }

    /** The items of {@code step} in {@code data}, which must have been started. */
    static FanOutItems of(ObjectNode data, String step) {
        return new FanOutItems((ArrayNode) data.path("fanout").path(step));
    }

    int size() {
        return items.size();
    }

    ObjectNode item(int index) {
        return (ObjectNode) items.get(index);
    }

    /** The running item waiting for this command, if any. */
    Optional<Integer> runningWith(String commandId) {
        return IntStream.range(0, items.size())
                .filter(i -> status(i).equals(RUNNING) && commandId.equals(item(i).path("commandId").asString(null)))
                .boxed().findFirst();
    }

    String status(int index) {
        return item(index).path("status").asString();
    }

    int attempts(int index) {
        return item(index).path("attempts").asInt();
    }

    Instant dueAt(int index) {
        String due = item(index).path("dueAt").asString(null);
        return due == null ? null : Instant.parse(due);
    }

    long count(String status) {
        return IntStream.range(0, items.size()).filter(i -> status(i).equals(status)).count();
    }

    void sent(int index, String commandId, Instant due) {
        item(index).put("status", RUNNING).put("attempts", attempts(index) + 1).put("commandId", commandId)
                .put("dueAt", due.toString());
    }

    void succeeded(int index, JsonNode result) {
        item(index).put("status", SUCCEEDED).putNull("dueAt").set("result", result);
    }

    void retryAt(int index, Instant due, String error) {
        item(index).put("status", RETRY_WAIT).put("dueAt", due.toString()).put("error", error);
    }

    void failed(int index, String error) {
        item(index).put("status", FAILED).putNull("dueAt").put("error", error);
    }

    /** Cancels every item not yet finished: replies still on their way are then ignored. */
    void cancelUnfinished() {
        for (int i = 0; i < items.size(); i++) {
            if (!status(i).equals(SUCCEEDED) && !status(i).equals(FAILED)) {
                item(i).put("status", CANCELLED).putNull("dueAt");
            }
        }
    }

    /** The earliest time an item is due: a reply's timeout or a retry. */
    Optional<Instant> nextDue() {
        return IntStream.range(0, items.size()).mapToObj(this::dueAt).filter(due -> due != null)
                .min(Instant::compareTo);
    }

    /** Every item's result in item order: the step's result. */
    ObjectNode results(ObjectNode into) {
        ArrayNode results = into.putArray("items");
        for (int i = 0; i < items.size(); i++) {
            results.add(item(i).path("result"));
        }
        return into;
    }

    /** The first failed item's index and error, for the step's failure reason. */
    Optional<String> firstFailure() {
        return IntStream.range(0, items.size()).filter(i -> status(i).equals(FAILED)).boxed().findFirst()
                .map(i -> "item " + (i + 1) + " of " + items.size() + ": " + item(i).path("error").asString());
    }
}
