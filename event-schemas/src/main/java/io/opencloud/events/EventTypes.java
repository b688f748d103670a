package io.opencloud.events;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalogue of every CloudEvent type the control plane knows, each with a JSON Schema and an example: the
 * operations, the saga triggers, the progress reports and the cron tick ({@link PingType}). The webhook types ({@link WebhookTypes}) are a
 * family, one per configured source, and share the schema stored under {@link WebhookTypes#FAMILY}.
 */
public final class EventTypes {

    private EventTypes() {
    }

    /** Every type with a schema of its own; the webhook family is listed once, under its family name. */
    public static List<String> all() {
        return Stream.of(Arrays.stream(Operation.values()).flatMap(op -> op.types().stream()),
                Arrays.stream(TriggerType.values()).map(TriggerType::type),
                Arrays.stream(ProgressType.values()).map(ProgressType::type),
                Stream.of(PingType.TYPE, WebhookTypes.FAMILY)).flatMap(s -> s).toList();
    }

    /**
     * The types other systems may send the control plane (on {@code opencloud.ingress} or to {@code POST /events}):
     * the commands, the saga triggers and the cron tick. Signed webhooks have a door of their own.
     */
    public static List<String> ingressTypes() {
        return Stream.of(Arrays.stream(Operation.values()).map(Operation::requestedType),
                Arrays.stream(TriggerType.values()).map(TriggerType::type), Stream.of(PingType.TYPE))
                .flatMap(s -> s).toList();
    }

    /**
     * The types control planes send one another over HTTP ({@link FederationType}); they have schemas like the others
     * but never travel on Kafka, so the AsyncAPI document leaves them out.
     */
    public static List<String> peerTypes() {
        return Arrays.stream(FederationType.values()).map(FederationType::type).toList();
    }

    public static boolean isKnown(String type) {
        return WebhookTypes.isWebhookType(type) || FederationType.isFederationType(type) || all().contains(type);
    }

    /** The name a type's schema and example are stored under: the type itself, or its family's name. */
    public static String schemaName(String type) {
        return WebhookTypes.isWebhookType(type) ? WebhookTypes.FAMILY : type;
    }
}
