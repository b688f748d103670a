package io.opencloud.functions.compute;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Powers VMs off and on, remembering which saga powered a VM off: only that saga (or a command outside any saga)
 * powers it on again, so a backup leaves a VM its owner had powered off as it was, and a redelivered power-off does
 * not forget who turned the VM off.
 */
@Component
public class VmPower {

    private final JdbcClient jdbc;
    private final Vms vms;
    private final ComputeDrivers drivers;

    public VmPower(JdbcClient jdbc, Vms vms, ComputeDrivers drivers) {
        this.jdbc = jdbc;
        this.vms = vms;
        this.drivers = drivers;
    }

    @Transactional
    public String powerOff(String vmId, String sagaId) {
        lock(vmId);
        VmRecord vm = vms.require(vmId);
        ComputeDriver driver = drivers.get(vm.driver());
        if (VmRecord.RUNNING.equals(vm.state()) || VmRecord.RUNNING.equals(driver.state(vm))) {
            driver.powerOff(vm);
            jdbc.sql("UPDATE compute_vm SET state = 'POWEROFF', powered_off_by = ? WHERE vm_id = ?")
                    .params(sagaId, UUID.fromString(vmId)).update();
        }
        return VmRecord.POWEROFF;
    }

    /** Powers the VM on when {@code sagaId} powered it off, or when no saga asks; answers its state, or ABSENT. */
    @Transactional
    public String resume(String vmId, String sagaId) {
        lock(vmId);
        var found = vms.find(vmId);
        if (found.isEmpty()) {
            return "ABSENT";
        }
        VmRecord vm = found.get();
        String poweredOffBy = jdbc.sql("SELECT powered_off_by FROM compute_vm WHERE vm_id = ?")
                .param(UUID.fromString(vmId)).query(String.class).optional().orElse(null);
        if (sagaId != null && !sagaId.equals(poweredOffBy)) {
            return vm.state();
        }
        drivers.get(vm.driver()).resume(vm);
        jdbc.sql("UPDATE compute_vm SET state = 'RUNNING', powered_off_by = NULL WHERE vm_id = ?")
                .param(UUID.fromString(vmId)).update();
        return VmRecord.RUNNING;
    }

    private void lock(String vmId) {
        jdbc.sql("SELECT 1 FROM compute_vm WHERE vm_id = ? FOR UPDATE").param(UUID.fromString(vmId)).query().listOfRows();
    }
}
