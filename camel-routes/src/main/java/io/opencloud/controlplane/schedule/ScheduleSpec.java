package io.opencloud.controlplane.schedule;

import io.opencloud.controlplane.access.Caller;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One cron schedule as configured under {@code opencloud.schedules.<name>}.
 *
 * @param cron         a cron expression: five fields as in a Knative PingSource ({@code 0 2 * * *}), six with seconds
 *                     first, or a macro such as {@code @hourly}
 * @param timeZone     the zone the expression is read in
 * @param target       the CloudEvent type each tick is delivered as: a saga trigger or a command
 * @param data         the tick's data, a JSON document that must satisfy the target type's schema
 * @param catchUp      what to do with missed ticks
 * @param misfireGrace how late a tick may fire and still count as on time
 * @param maxCatchUp   the most missed ticks {@link CatchUpPolicy#ALL} fires at once
 * @param tenant       the tenant whose work each tick starts (the sagas it starts are that tenant's)
 */
public record ScheduleSpec(String cron,
                           @DefaultValue("UTC") String timeZone,
                           String target,
                           @DefaultValue("{}") String data,
                           @DefaultValue("latest") CatchUpPolicy catchUp,
                           @DefaultValue("PT1M") Duration misfireGrace,
                           @DefaultValue("100") int maxCatchUp,
                           @DefaultValue(Caller.PLATFORM_TENANT) String tenant) {
}
