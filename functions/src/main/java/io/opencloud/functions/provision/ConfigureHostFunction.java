package io.opencloud.functions.provision;

import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.terraform.ProvisionedResource;
import io.opencloud.functions.terraform.StateOutputs;
import io.opencloud.functions.terraform.StateVersions;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Checks one host a provision's apply created, through its provider's driver, and records the host's state
 * ({@code RUNNING} or {@code ERROR}) on the provision.
 *
 * <p>Consumes {@code io.opencloud.provision.configure.requested.v1}; produces
 * {@code io.opencloud.provision.configure.completed.v1}, or {@code io.opencloud.provision.configure.failed.v1}:
 * retryable when the host is not healthy yet, not retryable when the provision's state has no such host. Idempotent:
 * a check changes nothing but the recorded state.
 */
@Component("configureHost")
public class ConfigureHostFunction implements Function<Message<ConfigureHostRequest>, HostConfigured> {

    private final ProvisionRecords provisions;
    private final StateVersions states;
    private final ProvisionDrivers drivers;
    private final HostStates hosts;

    public ConfigureHostFunction(ProvisionRecords provisions, StateVersions states, ProvisionDrivers drivers,
                                 HostStates hosts) {
        this.provisions = provisions;
        this.states = states;
        this.drivers = drivers;
        this.hosts = hosts;
    }

    @Override
    public HostConfigured apply(Message<ConfigureHostRequest> command) {
        ConfigureHostRequest request = command.getPayload();
        ProvisionRecord provision = provisions.owned(request.provisionId(),
                CommandHeaders.requireSagaId(command.getHeaders()));
        ProvisionedResource host = states.latestState(provision.provisionId()).stream()
                .flatMap(state -> StateOutputs.resources(state, "hosts").stream())
                .filter(entry -> entry.name().equals(request.host()))
                .findFirst().orElseThrow(() -> {
                    hosts.record(provision.provisionId(), request.host(), "ERROR", "not in the provision's state");
                    return new OperationFailedException("host " + request.host() + " is not in the state of provision "
                            + provision.provisionId(), false);
                });
        HostHealth health = drivers.get(provision.driver()).check(provision.provisionId(), host);
        hosts.record(provision.provisionId(), request.host(), health.healthy() ? "RUNNING" : "ERROR", health.detail());
        if (!health.healthy()) {
            throw new OperationFailedException("host " + request.host() + " is not healthy: " + health.detail(), true);
        }
        return new HostConfigured(provision.provisionId(), request.host(), "RUNNING", health.detail());
    }
}
