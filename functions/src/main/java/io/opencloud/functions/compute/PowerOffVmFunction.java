package io.opencloud.functions.compute;

import io.opencloud.functions.CommandHeaders;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Powers a VM off through its driver, remembering the saga that did so.
 *
 * <p>Consumes {@code io.opencloud.compute.poweroff.requested.v1}; produces
 * {@code io.opencloud.compute.poweroff.completed.v1}, or {@code io.opencloud.compute.poweroff.failed.v1} when the VM
 * does not exist (not retryable) or the driver failed. Idempotent: a VM already off stays off.
 */
@Component("powerOffVm")
public class PowerOffVmFunction implements Function<Message<VmRequest>, VmPowerState> {

    private final VmPower power;

    public PowerOffVmFunction(VmPower power) {
        this.power = power;
    }

    @Override
    public VmPowerState apply(Message<VmRequest> command) {
        String vmId = command.getPayload().vmId();
        return new VmPowerState(vmId, power.powerOff(vmId, CommandHeaders.sagaId(command.getHeaders()).orElse(null)));
    }
}
