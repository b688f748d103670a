package io.opencloud.controlplane.ingress;

import io.cloudevents.CloudEvent;
import io.opencloud.controlplane.access.Accounts;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Tenant;
import io.opencloud.controlplane.saga.SagaRegistry;
import io.opencloud.events.Envelope;
import io.opencloud.events.Operation;
import io.opencloud.events.PingType;
import io.opencloud.events.TriggerType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorisation rule of every event type that comes in by {@code POST /events} or {@code opencloud.ingress}:
 * <ul>
 *   <li>a self-contained saga trigger (demo grant, Sentinel workflow, and any configured one) needs a member, and
 *       the saga belongs to the caller's tenant; a trigger of a saga over stored objects (provisions, marketplaces,
 *       VMs) is internal: its API endpoint starts it, after checking the caller's right on those objects;</li>
 *   <li>{@code macaroon.verify} needs a viewer; {@code macaroon.issue} is for a resource under one of the
 *       tenant's resource prefixes, with an action the caller's role has (a viewer reads and lists, a member does
 *       anything);</li>
 *   <li>every other command is internal: only the control plane's own service identity sends it;</li>
 *   <li>a cron ping is internal (the scheduler's own pings come back through the Kafka door as the control plane's,
 *       see {@link OwnIngressEvents});</li>
 *   <li>the extensions that steer a saga ({@value Envelope#SAGA_ID}, {@value Envelope#CAUSATION_ID}) come only from
 *       the service identity.</li>
 * </ul>
 * The rule of a command or trigger is chosen by an exhaustive switch over {@link Operation} and {@link TriggerType},
 * so a new operation or trigger without a rule does not compile.
 */
@Component
public class EventAccess {

    private static final Set<String> VIEWER_ACTIONS = Set.of("read", "list");
    private static final Pattern UNSAFE_RESOURCE = Pattern.compile("(^|/)\\.{1,2}(/|$)|%|\\\\");

    /** Why an event is refused to its caller: 403 over HTTP, the dead-letter topic on Kafka. */
    public record Refusal(String problem, String detail) {
    }

    private enum Rule { INTERNAL, VIEWER, MEMBER, ISSUE }

    private final SagaRegistry sagas;
    private final Accounts accounts;
    private final JsonMapper json;

    public EventAccess(SagaRegistry sagas, Accounts accounts, JsonMapper json) {
        this.sagas = sagas;
        this.accounts = accounts;
        this.json = json;
    }

    public Optional<Refusal> refusal(CloudEvent event, Caller caller) {
        boolean service = caller.role() == Role.SERVICE;
        for (String steering : List.of(Envelope.SAGA_ID, Envelope.CAUSATION_ID)) {
            if (!service && event.getExtension(steering) != null) {
                return Optional.of(new Refusal("steering-extension", "the extension \"" + steering + "\" is set by"
                        + " the control plane, never by a caller; send the event without it"));
            }
        }
        if (PingType.TYPE.equals(event.getType())) {
            return service ? Optional.empty() : Optional.of(new Refusal("internal-event", "cron pings come from the"
                    + " control plane's scheduler only"));
        }
        if (sagas.forTrigger(event.getType()).isPresent()) {
            Optional<TriggerType> known = TriggerType.of(event.getType());
            Rule rule = known.isPresent() ? rule(known.get()) : Rule.MEMBER;
            if (rule == Rule.INTERNAL && !service) {
                return Optional.of(new Refusal("internal-trigger", "\"" + event.getType() + "\" starts a saga over"
                        + " stored objects: use the API endpoint that starts it, which checks your right on them"));
            }
            return caller.may(Role.MEMBER) ? Optional.empty() : Optional.of(new Refusal("forbidden",
                    "starting a saga needs the role MEMBER; " + caller.subject() + " is " + caller.role()));
        }
        Optional<Operation> operation = Operation.forRequestedType(event.getType());
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        return switch (rule(operation.get())) {
            case INTERNAL -> service ? Optional.empty() : Optional.of(new Refusal("internal-command", "\""
                    + event.getType() + "\" is one of the control plane's internal commands: only its sagas send it;"
                    + " start the saga that runs it instead"));
            case VIEWER, MEMBER -> caller.may(Role.VIEWER) ? Optional.empty() : Optional.of(new Refusal("forbidden",
                    "this needs the role VIEWER"));
            case ISSUE -> service ? Optional.empty() : issue(event, caller);
        };
    }

    private static Rule rule(TriggerType trigger) {
        return switch (trigger) {
            case DEMO_GRANT, SENTINEL_WORKFLOW -> Rule.MEMBER;
            case CREATE_PROVISION, DELETE_PROVISION, MARKET_IMPORT, MARKET_EXPORT, MARKET_DELETE, BACKUP_VM,
                 RESTORE_VM -> Rule.INTERNAL;
        };
    }

    private static Rule rule(Operation operation) {
        return switch (operation) {
            case ISSUE_MACAROON -> Rule.ISSUE;
            case VERIFY_MACAROON -> Rule.VIEWER;
            case REVOKE_MACAROON, RUN_DEMO_STEP, UNDO_DEMO_STEP, SEARCH_IMAGES, RESERVE_IMAGES, RELEASE_IMAGES,
                 IMAGE_URLS, RELEASE_EXPIRED_RESERVATIONS, CONVERT_IMAGE, DISCARD_OUTPUTS, PUSH_TO_STORAGE,
                 REMOVE_FROM_STORAGE, TERRAFORM_INIT, TERRAFORM_PLAN, TERRAFORM_APPLY_STEP, TERRAFORM_DESTROY,
                 CONFIGURE_HOST, BACKUP_SWEEP, POWER_OFF_VM, RESUME_VM, SAVE_VM, CREATE_VM, DISCARD_COMPUTE_OBJECTS,
                 RECORD_BACKUP, UNRECORD_BACKUP, PREPARE_MARKET_IMPORT, UPLOAD_IMAGE_APP, PUBLISH_MARKET_APPS,
                 REMOVE_MARKET_APPS, RESOLVE_MARKET_EXPORT, FETCH_IMAGE_APP, UNPACK_TEMPLATE_APPS -> Rule.INTERNAL;
        };
    }

    /* The event passed its schema, so resource and action are strings. */
    private Optional<Refusal> issue(CloudEvent event, Caller caller) {
        if (!caller.may(Role.VIEWER)) {
            return Optional.of(new Refusal("forbidden", "issuing a macaroon needs a role in a tenant"));
        }
        JsonNode data = json.readTree(event.getData().toBytes());
        String resource = data.path("resource").asString();
        String action = data.path("action").asString();
        if (UNSAFE_RESOURCE.matcher(resource).find()) {
            return Optional.of(new Refusal("forbidden", "a macaroon's resource has no \".\" or \"..\" segment, \"%\""
                    + " or backslash"));
        }
        Optional<Tenant> tenant = accounts.tenant(caller.tenant());
        if (tenant.isEmpty() || !tenant.get().owns(resource)) {
            return Optional.of(new Refusal("forbidden", "the tenant " + caller.tenant() + " has no right on "
                    + resource + "; its resources are " + tenant.map(Tenant::resources).orElse(List.of())));
        }
        if (!caller.may(Role.MEMBER) && !VIEWER_ACTIONS.contains(action)) {
            return Optional.of(new Refusal("forbidden", "a VIEWER may be granted only " + VIEWER_ACTIONS
                    + ", not \"" + action + "\""));
        }
        return Optional.empty();
    }
}
