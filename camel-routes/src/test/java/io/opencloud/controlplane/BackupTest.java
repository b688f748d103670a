package io.opencloud.controlplane;

import static io.opencloud.controlplane.ComputeFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opencloud.infra.test.SharedTestRuntime;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * VM backups into a marketplace: the sweep starts one backup per due VM and never two for one VM, a backup replaces
 * the previous one and restores to identical disk bytes, and a marketplace outage keeps the previous backup and ends
 * in a failed saga, never in a success.
 */
class BackupTest extends ControlPlaneTestBase {

    private static final Duration BACKUP_TIME = Duration.ofSeconds(90);

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());
    private final TestObjects objects = new TestObjects();

    @Test
    void aSweptBackupReplacesThePreviousOneAndRestoresIdenticalDisks() throws Exception {
        ComputeFixtures compute = new ComputeFixtures(http());
        String marketplace = compute.marketplace("local");
        JsonNode vm = vm(compute, marketplace, "web", "\"BACKUP_FREQUENCY_SECONDS\":\"3600\",");
        String vmId = vm.get("vmId").asString();
        String diskSum = vm.get("disks").get(0).get("sha256").asString();

        sweep();
        sweep();
        JsonNode first = awaitBackup(compute, vmId, null);
        assertThat(jdbc.sql("SELECT count(*) FROM saga WHERE saga_type = 'backup-vm' AND data->'trigger'->>'vmId' = ?")
                .param(vmId).query(Long.class).single()).as("one backup for two sweeps").isEqualTo(1);
        String firstApp = first.get("attributes").get("BACKUP_MARKETPLACE_APP_ID").asString();
        assertThat(first.get("state").asString()).isEqualTo("RUNNING");
        assertThat(first.get("attributes").get("BACKUP_LAST_COPY_TIME").isNull()).isFalse();
        JsonNode app = compute.get("/apps/" + firstApp);
        assertThat(app.get("type").asString()).isEqualTo("VMTEMPLATE");
        assertThat(app.get("manifest").get("DISKS").get(0).get("SHA256").asString()).isEqualTo(diskSum);
        String backupSaga = jdbc.sql("SELECT saga_id FROM saga WHERE saga_type = 'backup-vm'"
                + " AND data->'trigger'->>'vmId' = ?").param(vmId).query(String.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM compute_image WHERE created_by_saga = ?").param(backupSaga)
                .query(Long.class).single()).as("the saved copy is cleaned up once in the marketplace").isZero();

        JsonNode started = compute.accepted("/compute/vms/" + vmId + "/backup", "");
        compute.awaitCompleted(started.get("sagaId").asString());
        JsonNode second = compute.get("/compute/vms/" + vmId);
        String secondApp = second.get("attributes").get("BACKUP_MARKETPLACE_APP_ID").asString();
        assertThat(secondApp).isNotEqualTo(firstApp);
        assertThat(http().get("/apps/" + firstApp).statusCode()).as("the previous backup is deleted").isEqualTo(404);
        String bucket = compute.get("/marketplaces/" + marketplace).get("bucket").asString();
        assertThat(objects.keys(bucket, "apps/" + firstApp + "/")).isEmpty();

        JsonNode restore = compute.accepted("/apps/" + secondApp + "/restores", "{\"name\":\"web-restored\"}");
        JsonNode restored = compute.get("/compute/vms/"
                + result(compute.awaitCompleted(restore.get("sagaId").asString()), "create").get("vmId").asString());
        assertThat(restored.get("name").asString()).isEqualTo("web-restored");
        assertThat(restored.get("state").asString()).isEqualTo("RUNNING");
        JsonNode disk = restored.get("disks").get(0);
        assertThat(disk.get("sha256").asString()).isEqualTo(diskSum);
        assertThat(ComputeFixtures.sha256(Path.of(disk.get("location").asString()))).isEqualTo(diskSum);
    }

    @Test
    void aMarketplaceOutageKeepsThePreviousBackupAndFailsTheSaga() throws Exception {
        ComputeFixtures compute = new ComputeFixtures(http());
        String marketplace = compute.marketplace("partner");
        // Backed up on demand only (no frequency), so that no sweep races the test for it.
        JsonNode vm = vm(compute, marketplace, "db", "");
        String vmId = vm.get("vmId").asString();
        compute.awaitCompleted(compute.accepted("/compute/vms/" + vmId + "/backup", "").get("sagaId").asString());
        String previous = compute.get("/compute/vms/" + vmId).get("attributes").get("BACKUP_MARKETPLACE_APP_ID")
                .asString();

        assertThat(http().putJson("/marketplaces/" + marketplace, "{\"bucket\":\"elsewhere\"}").statusCode())
                .as("apps do not move with a bucket").isEqualTo(409);
        assertThat(http().putJson("/marketplaces/" + marketplace, "{\"credentials\":\"unreachable\"}")
                .statusCode()).isEqualTo(200);
        String sagaId = compute.accepted("/compute/vms/" + vmId + "/backup", "").get("sagaId").asString();
        JsonNode saga = compute.awaitSagaFinal(sagaId);

        assertThat(saga.get("status").asString()).as(saga.toString()).isEqualTo("FAILED");
        assertThat(saga.get("failureReason").asString()).contains("marketplace " + compute.get("/marketplaces/"
                + marketplace).get("name").asString());
        JsonNode after = compute.get("/compute/vms/" + vmId);
        assertThat(after.get("state").asString()).isEqualTo("RUNNING");
        assertThat(after.get("attributes").get("BACKUP_MARKETPLACE_APP_ID").asString()).isEqualTo(previous);
        assertThat(after.get("backup").get("result").asString()).isEqualTo("FAILED");
        assertThat(after.get("backup").get("saga").isNull()).as("the VM is free for its next backup").isTrue();
        assertThat(compute.get("/apps/" + previous).get("state").asString()).isEqualTo("READY");

        // Once the marketplace is back, an operator's retry finishes the roll-back: only the previous backup remains.
        assertThat(http().putJson("/marketplaces/" + marketplace, "{\"credentials\":\"partner\"}").statusCode())
                .isEqualTo(200);
        assertThat(http().postJson("/sagas/" + sagaId + "/retry", "{\"operator\":\"test\"}").statusCode())
                .isEqualTo(202);
        assertThat(compute.awaitSagaFinal(sagaId).get("status").asString()).isEqualTo("COMPENSATED");
        assertThat(compute.get("/marketplaces/" + marketplace + "/apps")).extracting(app ->
                app.get("appId").asString()).contains(previous).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM market_app WHERE import_saga = ?").param(sagaId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFailedScheduledBackupIsTriedAgainAsANewSaga() {
        ComputeFixtures compute = new ComputeFixtures(http());
        String marketplace = compute.marketplace("partner");
        assertThat(http().putJson("/marketplaces/" + marketplace, "{\"credentials\":\"unreachable\"}")
                .statusCode()).isEqualTo(200);
        String vmId = vm(compute, marketplace, "cache", "\"BACKUP_FREQUENCY_SECONDS\":\"3600\",").get("vmId")
                .asString();

        sweep();
        JsonNode failed = await().atMost(BACKUP_TIME).pollInterval(Duration.ofMillis(250))
                .until(() -> compute.get("/compute/vms/" + vmId), vm -> "FAILED".equals(vm.get("backup")
                        .get("result").asString(null)));
        assertThat(failed.get("attributes").get("BACKUP_MARKETPLACE_APP_ID").isNull()).isTrue();
        assertThat(failed.get("state").asString()).isEqualTo("RUNNING");

        assertThat(http().putJson("/marketplaces/" + marketplace, "{\"credentials\":\"partner\"}").statusCode())
                .isEqualTo(200);
        await().atMost(BACKUP_TIME).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            sweep();
            assertThat(compute.get("/compute/vms/" + vmId).get("backup").get("result").asString())
                    .isEqualTo("SUCCEEDED");
        });
        assertThat(jdbc.sql("SELECT status FROM saga WHERE saga_type = 'backup-vm' AND data->'trigger'->>'vmId' = ?"
                + " ORDER BY created_at").param(vmId).query(String.class).list())
                .as("the retry is a saga of its own").hasSizeGreaterThanOrEqualTo(2).endsWith("COMPLETED")
                .startsWith("FAILED");
    }

    @Test
    void aBackupWhosePruneFailsKeepsItsOwnNewCopy() {
        ComputeFixtures compute = new ComputeFixtures(http());
        String old = compute.marketplace("partner");
        String current = compute.marketplace("local");
        String vmId = vm(compute, old, "queue", "").get("vmId").asString();
        compute.awaitCompleted(compute.accepted("/compute/vms/" + vmId + "/backup", "").get("sagaId").asString());
        String previous = compute.get("/compute/vms/" + vmId).get("attributes").get("BACKUP_MARKETPLACE_APP_ID")
                .asString();
        // The next backup goes to another marketplace, and the one holding the previous backup goes away.
        assertThat(http().putJson("/compute/vms/" + vmId + "/attributes",
                "{\"BACKUP_MARKETPLACE_ID\":\"" + current + "\"}").statusCode()).isEqualTo(200);
        assertThat(http().putJson("/marketplaces/" + old, "{\"credentials\":\"unreachable\"}").statusCode())
                .isEqualTo(200);

        String sagaId = compute.accepted("/compute/vms/" + vmId + "/backup", "").get("sagaId").asString();
        JsonNode saga = compute.awaitSagaFinal(sagaId);

        assertThat(saga.get("status").asString()).as(saga.toString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString()).contains("step prune");
        JsonNode vm = compute.get("/compute/vms/" + vmId);
        String kept = vm.get("attributes").get("BACKUP_MARKETPLACE_APP_ID").asString();
        assertThat(kept).as("the previous backup was being deleted; the new one stays the VM's").isNotEqualTo(previous);
        assertThat(compute.get("/apps/" + kept).get("state").asString()).isEqualTo("READY");
        assertThat(compute.get("/apps/" + previous).get("state").asString()).isEqualTo("DELETING");
        assertThat(vm.get("state").asString()).isEqualTo("RUNNING");
    }

    private JsonNode vm(ComputeFixtures compute, String marketplace, String name, String frequency) {
        JsonNode image = compute.image(name + "-os", "OS", 6 * 1024 * 1024 + 3, name.hashCode());
        String template = compute.template(name, """
                {"CPU":1,"MEMORY":512,"DISK":[{"IMAGE_ID":"%s","TYPE":"IMAGE"}],"NIC":[{"NETWORK":"private"}]}"""
                .formatted(image.get("imageId").asString()));
        return compute.created("/compute/vms", """
                {"name":"%s","templateId":"%s",
                 "attributes":{%s"BACKUP_MARKETPLACE_ID":"%s","OWNER":"ops"}}"""
                .formatted(name, template, frequency, marketplace));
    }

    private void sweep() {
        assertThat(http().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests/backups","type":"io.opencloud.compute.sweep.requested.v1",
                 "datacontenttype":"application/json","data":{}}""".formatted(id())).statusCode()).isEqualTo(202);
    }

    private JsonNode awaitBackup(ComputeFixtures compute, String vmId, String previousApp) {
        return await().atMost(BACKUP_TIME).pollInterval(Duration.ofMillis(250))
                .until(() -> compute.get("/compute/vms/" + vmId), vm -> {
                    String app = vm.get("attributes").get("BACKUP_MARKETPLACE_APP_ID").asString(null);
                    return app != null && !app.equals(previousApp)
                            && "SUCCEEDED".equals(vm.get("backup").get("result").asString(null));
                });
    }
}
