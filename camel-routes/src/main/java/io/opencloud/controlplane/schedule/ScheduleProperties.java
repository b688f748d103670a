package io.opencloud.controlplane.schedule;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.scheduler}: how the scheduler runs; {@code opencloud.schedules}: the schedules, by name.
 */
@ConfigurationProperties("opencloud")
public record ScheduleProperties(Map<String, ScheduleSpec> schedules, @DefaultValue Scheduler scheduler) {

    public ScheduleProperties {
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
    }

    /**
     * @param enabled          whether this process fires the schedules; off in the distributed profile, where a
     *                         Knative PingSource per schedule sends the same pings to {@code POST /events}
     * @param namespace        the Kubernetes namespace named in the pings' sources
     * @param pollInterval     how often due ticks are looked for; a tick fires at most this late on a healthy node
     * @param historyRetention how long fired ticks are listed before they are forgotten
     */
    public record Scheduler(@DefaultValue("true") boolean enabled, @DefaultValue("opencloud") String namespace, @DefaultValue("PT1S") Duration pollInterval,
                            @DefaultValue("P7D") Duration historyRetention) {
    }
}
