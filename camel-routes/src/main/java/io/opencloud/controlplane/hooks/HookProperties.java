package io.opencloud.controlplane.hooks;

import io.opencloud.events.WebhookTypes;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.hooks}: the webhook sources, each with its signing secret; how long a delivery is remembered to
 * refuse a replay; and the largest delivery accepted (1 MiB by default: pushes of many commits are larger than
 * most events).
 */
@ConfigurationProperties("opencloud.hooks")
public record HookProperties(Map<String, Source> sources, @DefaultValue("PT24H") Duration replayWindow,
                             @DefaultValue("1048576") int maxRequestBytes) {

    public HookProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        sources.forEach((name, source) -> {
            if (!WebhookTypes.SOURCE_NAME.matcher(name).matches()) {
                throw new IllegalStateException("opencloud.hooks.sources." + name + ": a source name is lower-case"
                        + " letters, digits and inner dashes, since it becomes part of a CloudEvent type");
            }
            if (source.secret() == null || source.secret().isBlank()) {
                throw new IllegalStateException("opencloud.hooks.sources." + name + ".secret is not set: without"
                        + " it no delivery could be verified");
            }
        });
    }

    /**
     * One sender of webhooks, {@code POST /hooks/<name>}.
     *
     * @param secret         the shared secret its deliveries are signed with (HMAC-SHA256); never logged
     * @param deliveryHeader the header carrying the delivery id
     * @param eventHeader    the header naming what happened, if the sender sends one
     * @param tenant         the tenant the source's sagas belong to
     * @param role           the source's role there
     */
    public record Source(String secret, @DefaultValue("X-GitHub-Delivery") String deliveryHeader,
                         @DefaultValue("X-GitHub-Event") String eventHeader,
                         @DefaultValue(Caller.PLATFORM_TENANT) String tenant, @DefaultValue("MEMBER") Role role) {

        /** The principal a delivery of this source (proven by its signature) acts as. */
        public Caller caller(String name) {
            return new Caller("hook:" + name, tenant, role, "hook", null);
        }

        @Override
        public String toString() {
            return "Source[deliveryHeader=" + deliveryHeader + ", eventHeader=" + eventHeader + ", tenant=" + tenant
                    + ", role=" + role + "]";
        }
    }
}
