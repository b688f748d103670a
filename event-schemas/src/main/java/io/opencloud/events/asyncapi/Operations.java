package io.opencloud.events.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opencloud.events.Operation;
import io.opencloud.events.PingType;
import io.opencloud.events.Topics;
import io.opencloud.events.WebhookTypes;
import java.util.Arrays;
import java.util.List;

/**
 * What the control plane does on each channel, seen from the control plane: it receives on the ingress, sends and
 * performs commands, receives replies, publishes webhook events and parks what it cannot process. Each function's
 * operation is named after its bean ({@link Operation#functionName()}) and declares its replies.
 */
final class Operations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Operations() {
    }

    static ObjectNode all(List<Channel> channels) {
        ObjectNode operations = JSON.objectNode();
        operations.set(Topics.INGRESS + ".receive", operation("receive", Topics.INGRESS, "Admits the commands, saga "
                + "triggers and cron ticks of other systems, checking each against its type's schema.",
                messagesOn(channels, Topics.INGRESS)));
        operations.set(Topics.INGRESS + ".sendCronTick", operation("send", Topics.INGRESS, "The control plane's "
                + "scheduler publishes each cron tick through the outbox; the ingress then delivers it as the event "
                + "its schedule targets.", List.of(PingType.TYPE)));
        for (String domain : Operation.domains()) {
            List<Operation> domainOperations = Arrays.stream(Operation.values())
                    .filter(op -> op.domain().equals(domain)).toList();
            operations.set(Topics.commands(domain) + ".send", operation("send", Topics.commands(domain), "The saga "
                    + "coordinator (through the outbox) and the ingress issue commands, keyed by saga id.",
                    domainOperations.stream().map(Operation::requestedType).toList()));
            for (Operation op : domainOperations) {
                operations.set(op.functionName(), function(op));
            }
            operations.set(Topics.events(domain) + ".receive", operation("receive", Topics.events(domain), "The saga"
                    + " coordinator advances or compensates its saga on each reply, and the reply is recorded for "
                    + "the command's sender.", messagesOn(channels, Topics.events(domain))));
        }
        operations.set(Topics.WEBHOOK_EVENTS + ".send", operation("send", Topics.WEBHOOK_EVENTS, "Publishes each "
                + "signed webhook delivery through the outbox.", List.of(WebhookTypes.FAMILY)));
        for (Channel channel : channels) {
            if (channel.messages().equals(List.of(Messages.DEAD_LETTER))) {
                operations.set(channel.topic() + ".send", operation("send", channel.topic(), "Parks a record that "
                        + "could not be processed.", channel.messages()));
            }
        }
        return operations;
    }

    private static List<String> messagesOn(List<Channel> channels, String topic) {
        return channels.stream().filter(channel -> channel.topic().equals(topic)).findFirst().orElseThrow()
                .messages();
    }

    /* A function consumes its command and answers on the domain's events topic: AsyncAPI's request and reply. */
    private static ObjectNode function(Operation op) {
        ObjectNode function = operation("receive", op.commandsTopic(), "The function " + op.functionName()
                + " performs " + op.requestedType() + " and answers " + op.completedType() + " or "
                + op.failedType() + ", keyed by saga id.", List.of(op.requestedType()));
        ObjectNode reply = JSON.objectNode();
        reply.set("channel", Refs.to(Refs.channel(op.eventsTopic())));
        reply.set("messages", messageRefs(op.eventsTopic(), List.of(op.completedType(), op.failedType())));
        function.set("reply", reply);
        return function;
    }

    private static ObjectNode operation(String action, String topic, String description, List<String> messages) {
        ObjectNode operation = JSON.objectNode().put("action", action);
        operation.set("channel", Refs.to(Refs.channel(topic)));
        operation.put("description", description);
        operation.set("messages", messageRefs(topic, messages));
        return operation;
    }

    /* An operation names its messages through its channel, never the components directly, as AsyncAPI 3 requires. */
    private static ArrayNode messageRefs(String topic, List<String> messageIds) {
        ArrayNode refs = JSON.arrayNode();
        messageIds.forEach(id -> refs.add(Refs.to(Refs.channelMessage(topic, id))));
        return refs;
    }
}
