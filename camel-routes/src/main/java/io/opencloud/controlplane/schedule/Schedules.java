package io.opencloud.controlplane.schedule;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.WebhookTypes;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.events.envelope.Violation;
import io.opencloud.events.schema.EventContentValidator;
import io.opencloud.events.schema.EventSchemas;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The configured cron schedules, each checked at start-up: a schedule with a bad expression or zone, a target the
 * ingress would not accept, or data its target's schema refuses stops the control plane with the reason, instead of
 * failing at its first tick in the middle of the night.
 */
@Component
@EnableConfigurationProperties(ScheduleProperties.class)
public class Schedules {

    /* A schedule's name is a Kubernetes resource name, as the PingSource standing in for it would have. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final Map<String, Schedule> byName = new TreeMap<>();

    public Schedules(ScheduleProperties properties, SagaRegistry sagas) {
        EventContentValidator validator = new EventContentValidator(new EventSchemas());
        List<String> problems = new ArrayList<>();
        properties.schedules().forEach((name, spec) -> {
            List<String> faults = faults(name, spec, sagas, validator);
            if (faults.isEmpty()) {
                ZoneId zone = ZoneId.of(spec.timeZone());
                byName.put(name, new Schedule(name, spec.cron(), WallClockCron.parse(spec.cron(), zone), zone,
                        spec.target(), spec.data(), spec.catchUp(), spec.misfireGrace(), spec.maxCatchUp(),
                        properties.scheduler().namespace(), spec.tenant()));
            } else {
                faults.forEach(fault -> problems.add("opencloud.schedules." + name + ": " + fault));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid cron schedules:\n  " + String.join("\n  ", problems));
        }
    }

    public Collection<Schedule> all() {
        return byName.values();
    }

    public Optional<Schedule> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    private static List<String> faults(String name, ScheduleSpec spec, SagaRegistry sagas,
                                       EventContentValidator validator) {
        List<String> faults = new ArrayList<>();
        if (!NAME.matcher(name).matches()) {
            faults.add("the name must be lower-case letters, digits and inner dashes, as a PingSource's");
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(spec.timeZone());
        } catch (DateTimeException e) {
            faults.add("time-zone \"" + spec.timeZone() + "\" is not a zone id such as UTC or Europe/Rome");
        }
        if (spec.cron() == null || spec.cron().isBlank()) {
            faults.add("cron is required");
        } else if (zone != null) {
            try {
                if (WallClockCron.parse(spec.cron(), zone).next(Instant.now()) == null) {
                    faults.add("cron \"" + spec.cron() + "\" never fires");
                }
            } catch (IllegalArgumentException e) {
                faults.add("cron \"" + spec.cron() + "\" is not a cron expression: " + e.getMessage());
            }
        }
        if (spec.maxCatchUp() < 0) {
            faults.add("max-catch-up must not be negative");
        }
        if (!isTarget(spec.target(), sagas)) {
            faults.add("target \"" + spec.target() + "\" is neither a saga trigger nor a command type");
        } else if (validator.check(CloudEventBuilder.v1().withId(name).withSource(URI.create("/schedules/" + name))
                .withType(spec.target()).withDataContentType(Envelope.JSON)
                .withData(spec.data().getBytes(StandardCharsets.UTF_8)).build()) instanceof Decoded.Rejected rejected) {
            faults.add("data does not suit " + spec.target() + ": " + rejected.violations().stream()
                    .map(Violation::describe).collect(Collectors.joining("; ")));
        }
        return faults;
    }

    /* What the ingress accepts from a sender; webhook types are accepted only signed, so never from a schedule. */
    private static boolean isTarget(String type, SagaRegistry sagas) {
        return type != null && !WebhookTypes.isWebhookType(type)
                && (sagas.forTrigger(type).isPresent() || Operation.forRequestedType(type).isPresent());
    }
}
