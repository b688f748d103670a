package io.opencloud.functions.compute;

import io.opencloud.functions.CommandHeaders;
import java.util.function.Function;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Powers a VM on again, when the command's saga is the one that powered it off (or the command belongs to no saga):
 * a backup never starts a VM its owner had powered off.
 *
 * <p>Consumes {@code io.opencloud.compute.resume.requested.v1}; produces
 * {@code io.opencloud.compute.resume.completed.v1} with the VM's state (ABSENT for a VM that does not exist, which a
 * compensation must tolerate), or {@code io.opencloud.compute.resume.failed.v1} when the driver failed. Idempotent.
 */
@Component("resumeVm")
public class ResumeVmFunction implements Function<Message<VmRequest>, VmPowerState> {

    private final VmPower power;

    public ResumeVmFunction(VmPower power) {
        this.power = power;
    }

    @Override
    public VmPowerState apply(Message<VmRequest> command) {
        String vmId = command.getPayload().vmId();
        return new VmPowerState(vmId, power.resume(vmId, CommandHeaders.sagaId(command.getHeaders()).orElse(null)));
    }
}
