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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The configured cron schedules, each checked at start-up: a schedule with a bad expression or zone, a target the
 * ingress would not accept, or data its target's schema refuses stops the control plane with the reason, instead of
 * failing at its first tick in the middle of the night.
 */
@Component
@EnableConfigurationProperties(ScheduleProperties.class)
public class Schedules {

    private final Map<String, Schedule> byName = new TreeMap<>();

    public Schedules(ScheduleProperties properties, SagaRegistry sagas) {
        EventContentValidator validator = new EventContentValidator(new EventSchemas());
        List<String> problems = new ArrayList<>();
        properties.schedules().forEach((name, spec) -> {
            List<String> faults = faults(name, spec, sagas, validator);
            if (faults.isEmpty()) {
                byName.put(name, new Schedule(name, spec.cron(), CronExpression.parse(withSeconds(spec.cron())),
                        ZoneId.of(spec.timeZone()), spec.target(), spec.data(), spec.catchUp(), spec.misfireGrace(),
                        spec.maxCatchUp(), properties.scheduler().namespace()));
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
        if (!WebhookTypes.SOURCE_NAME.matcher(name).matches()) {
            faults.add("the name must be lower-case letters, digits and inner dashes, as a PingSource's");
        }
        if (spec.cron() == null || spec.cron().isBlank()) {
            faults.add("cron is required");
        } else {
            try {
                CronExpression.parse(withSeconds(spec.cron()));
            } catch (IllegalArgumentException e) {
                faults.add("cron \"" + spec.cron() + "\" is not a cron expression: " + e.getMessage());
            }
        }
        try {
            ZoneId.of(spec.timeZone());
        } catch (DateTimeException e) {
            faults.add("time-zone \"" + spec.timeZone() + "\" is not a zone id such as UTC or Europe/Rome");
        }
        if (spec.maxCatchUp() < 0) {
            faults.add("max-catch-up must not be negative");
        }
        if (spec.target() == null || (sagas.forTrigger(spec.target()).isEmpty()
                && Operation.forRequestedType(spec.target()).isEmpty())) {
            faults.add("target \"" + spec.target() + "\" is neither a saga trigger nor a command type");
        } else if (validator.check(CloudEventBuilder.v1().withId(name).withSource(URI.create("/schedules/" + name))
                .withType(spec.target()).withDataContentType(Envelope.JSON)
                .withData(spec.data().getBytes(StandardCharsets.UTF_8)).build()) instanceof Decoded.Rejected rejected) {
            faults.add("data does not suit " + spec.target() + ": " + rejected.violations().stream()
                    .map(Violation::describe).collect(Collectors.joining("; ")));
        }
        return faults;
    }

    /* Spring's expressions start with seconds; a PingSource's five fields start with minutes. */
    private static String withSeconds(String cron) {
        String trimmed = cron.trim();
        return !trimmed.startsWith("@") && trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
    }
}
