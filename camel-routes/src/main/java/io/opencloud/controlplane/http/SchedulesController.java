package io.opencloud.controlplane.http;

import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.schedule.Schedule;
import io.opencloud.controlplane.schedule.ScheduleStore;
import io.opencloud.controlplane.schedule.Schedules;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /schedules}: every cron schedule, when it last fired and will next fire, and its latest firings. */
@RestController
@Requires(Role.VIEWER)
@RequestMapping("/schedules")
public class SchedulesController {

    private static final int RECENT = 10;

    private final Schedules schedules;
    private final ScheduleStore store;

    public SchedulesController(Schedules schedules, ScheduleStore store) {
        this.schedules = schedules;
        this.store = store;
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        Map<String, Instant> lastTicks = store.lastTicks();
        return schedules.all().stream().map(schedule -> describe(schedule, lastTicks.get(schedule.name()))).toList();
    }

    private Map<String, Object> describe(Schedule schedule, Instant lastTick) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", schedule.name());
        view.put("cron", schedule.expression());
        view.put("timeZone", schedule.zone().getId());
        view.put("target", schedule.target());
        view.put("source", schedule.pingSource());
        view.put("catchUp", schedule.catchUp().name().toLowerCase(Locale.ROOT));
        view.put("lastTick", lastTick);
        view.put("nextTick", schedule.nextTick(lastTick == null ? Instant.now() : lastTick));
        view.put("recentFirings", store.recentFirings(schedule.name(), RECENT));
        return view;
    }
}
