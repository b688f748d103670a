package io.opencloud.events.asyncapi;

import io.opencloud.events.Envelope;
import io.opencloud.events.EventTypes;
import io.opencloud.events.Operation;
import io.opencloud.events.ProgressType;
import io.opencloud.events.Topics;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.envelope.MediaTypes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every topic of {@link Topics#all()} as a channel, with the messages the catalogue says travel on it. A topic the
 * catalogue lists but this class does not describe fails the generation, so that no topic is left out silently.
 */
final class Channels {

    private Channels() {
    }

    static List<Channel> all() {
        Map<String, Channel> described = new LinkedHashMap<>();
        add(described, new Channel(Topics.INGRESS, "Where other systems publish CloudEvents for the control plane: "
                + "commands, saga triggers and cron ticks, in binary mode (ce_ headers) or structured mode "
                + "(content-type " + MediaTypes.CLOUDEVENTS_JSON + "). An accepted command goes on to its commands "
                + "topic and a saga trigger starts its saga; anything else is parked on " + Topics.INGRESS_DLQ + ".",
                Stream.concat(EventTypes.ingressTypes().stream(), Stream.of(Messages.STRUCTURED_INGRESS)).toList()));
        add(described, new Channel(Topics.WEBHOOK_EVENTS, "Every signed webhook delivery to POST /hooks/{source} as "
                + "a CloudEvent, keyed by the source's name, whether or not it also starts a saga.",
                List.of(WebhookTypes.FAMILY)));
        for (String domain : Operation.domains()) {
            List<Operation> operations = Arrays.stream(Operation.values()).filter(op -> op.domain().equals(domain))
                    .toList();
            add(described, new Channel(Topics.commands(domain), "Commands of the " + domain + " domain, keyed by "
                    + "saga id, each performed by the function its type names: " + operations.stream()
                    .map(op -> op.requestedType() + " by " + op.functionName()).collect(Collectors.joining(", "))
                    + ".", operations.stream().map(Operation::requestedType).toList()));
            List<String> progress = Arrays.stream(ProgressType.values()).filter(p -> p.domain().equals(domain))
                    .map(ProgressType::type).toList();
            add(described, new Channel(Topics.events(domain), "Replies of the " + domain + " functions, completed "
                    + "or failed, keyed by saga id; the saga coordinator advances or compensates its saga on each."
                    + (progress.isEmpty() ? "" : " Progress reports of a command still running travel here too; the "
                    + "coordinator records them in the saga's history."),
                    Stream.concat(operations.stream().flatMap(op -> Stream.of(op.completedType(), op.failedType())),
                            progress.stream()).toList()));
        }
        for (Channel channel : List.copyOf(described.values())) {
            String deadLetter = Topics.deadLetter(channel.topic());
            if (Topics.all().contains(deadLetter)) {
                add(described, new Channel(deadLetter, "Records of " + channel.topic() + " that could not be "
                        + "processed, parked with their key, value and headers unchanged plus the reason and the "
                        + "record's origin in the headers " + String.join(", ", Envelope.DLQ_REASON_HEADER,
                        Envelope.DLQ_TOPIC_HEADER, Envelope.DLQ_PARTITION_HEADER, Envelope.DLQ_OFFSET_HEADER) + ".",
                        List.of(Messages.DEAD_LETTER)));
            }
        }
        return Topics.all().stream().map(topic -> Optional.ofNullable(described.get(topic)).orElseThrow(
                () -> new IllegalStateException("Topics.all() lists " + topic + " but the AsyncAPI generator does "
                        + "not know what travels on it; describe it in " + Channels.class.getName()))).toList();
    }

    /** What the ingress accepts: the commands of every operation, the saga triggers and the cron tick. */
    private static void add(Map<String, Channel> described, Channel channel) {
        described.put(channel.topic(), channel);
    }
}
