package io.opencloud.controlplane;

import static io.opencloud.controlplane.ComputeFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.minio.PutObjectArgs;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marketplace import and export on the embedded runtime with the {@code local} compute driver: a service template
 * with two roles goes into a marketplace and comes back equal with byte-identical disks, and an import or export that
 * fails half-way leaves nothing behind.
 */
class MarketplaceTest extends ControlPlaneTestBase {

    private final JdbcClient jdbc = JdbcClient.create(SharedTestRuntime.dataSource());
    private final TestObjects objects = new TestObjects();

    @Test
    void aServiceTemplateWithTwoRolesComesBackEqualWithByteIdenticalDisks() throws Exception {
        ComputeFixtures compute = new ComputeFixtures(http());
        // The database disk is larger than a part (5 MB in tests), so it goes up as a multipart upload.
        JsonNode os = compute.image("alpine", "OS", 3 * 1024 * 1024 + 17, 1);
        JsonNode context = compute.image("context", "CONTEXT", 4096, 2);
        JsonNode data = compute.image("postgres", "OS", 11 * 1024 * 1024 + 5, 3);
        String frontend = compute.template("frontend", """
                {"CPU":1,"MEMORY":512,"DISK":[{"IMAGE_ID":"%s","TYPE":"IMAGE","DEV_PREFIX":"vd"},
                 {"IMAGE_ID":"%s","TYPE":"CONTEXT"}],
                 "NIC":[{"NETWORK":"public","IP":"10.0.0.5"}],
                 "CONTEXT":{"SSH_PUBLIC_KEY":"ssh-ed25519 AAAA","NETWORK":"YES","ETH0_IP":"10.0.0.5"}}"""
                .formatted(os.get("imageId").asString(), context.get("imageId").asString()));
        String database = compute.template("database", """
                {"CPU":2,"MEMORY":2048,"DISK":[{"IMAGE_ID":"%s","TYPE":"IMAGE"}]}"""
                .formatted(data.get("imageId").asString()));
        JsonNode service = compute.created("/compute/service-templates", """
                {"name":"web-shop","description":"a shop","deployment":"straight",
                 "roles":[{"name":"frontend","cardinality":2,"vm_template":"%s"},
                          {"name":"db","cardinality":1,"vm_template":"%s"}]}""".formatted(frontend, database));
        String marketplace = compute.marketplace("local");

        JsonNode imported = compute.accepted("/marketplaces/" + marketplace + "/imports", """
                {"kind":"SERVICE_TEMPLATE","objectId":"%s","publisher":"lab","version":"1.0"}"""
                .formatted(service.get("serviceTemplateId").asString()));
        compute.awaitCompleted(imported.get("sagaId").asString());
        String rootApp = imported.get("appId").asString();

        List<JsonNode> apps = new ArrayList<>();
        compute.get("/marketplaces/" + marketplace + "/apps").forEach(apps::add);
        assertThat(apps).extracting(app -> app.get("type").asString()).containsExactlyInAnyOrder(
                "SERVICE_TEMPLATE", "VMTEMPLATE", "VMTEMPLATE", "IMAGE", "IMAGE", "IMAGE");
        assertThat(apps).allSatisfy(app -> assertThat(app.get("state").asString()).isEqualTo("READY"));
        Map<String, String> appSums = new HashMap<>();
        apps.forEach(app -> appSums.put(app.get("name").asString(), app.get("sha256").asString()));
        assertThat(appSums).containsEntry("alpine", os.get("sha256").asString())
                .containsEntry("postgres", data.get("sha256").asString());
        JsonNode root = compute.get("/apps/" + rootApp);
        assertThat(root.get("manifest").get("PUBLISHER").asString()).isEqualTo("lab");
        assertThat(root.get("manifest").get("SERVICE_TEMPLATE").get("roles")).allSatisfy(role ->
                assertThat(role.get("SHA256").asString()).hasSize(64));
        JsonNode frontendApp = apps.stream().filter(app -> app.get("name").asString().equals("frontend"))
                .findFirst().orElseThrow();
        JsonNode published = frontendApp.get("manifest").get("TEMPLATE");
        assertThat(published.has("NIC")).as("network interfaces of the source are left out").isFalse();
        assertThat(published.get("CONTEXT").has("ETH0_IP")).isFalse();
        assertThat(published.get("CONTEXT").get("SSH_PUBLIC_KEY").asString()).isEqualTo("ssh-ed25519 AAAA");
        String bucket = compute.get("/marketplaces/" + marketplace).get("bucket").asString();
        for (JsonNode app : apps) {
            String prefix = "apps/" + app.get("appId").asString() + "/";
            assertThat(objects.keys(bucket, prefix)).contains(prefix + "manifest.json");
        }

        JsonNode exported = compute.accepted("/apps/" + rootApp + "/exports", "{\"name\":\"web-shop-copy\"}");
        JsonNode unpacked = result(compute.awaitCompleted(exported.get("sagaId").asString()), "unpack");
        assertThat(unpacked.get("imageIds")).hasSize(3);
        assertThat(unpacked.get("templateIds")).hasSize(2);
        assertThat(unpacked.get("serviceTemplateIds")).hasSize(1);

        JsonNode copy = compute.get("/compute/service-templates/" + unpacked.get("objectId").asString());
        assertThat(copy.get("name").asString()).isEqualTo("web-shop-copy");
        assertThat(copy.get("description").asString()).isEqualTo("a shop");
        assertThat(copy.get("body").get("deployment").asString()).isEqualTo("straight");
        JsonNode roles = copy.get("body").get("roles");
        assertThat(roles).extracting(role -> role.get("name").asString() + "x" + role.get("cardinality").asInt())
                .containsExactly("frontendx2", "dbx1");
        assertSameTemplate(compute, frontend, roles.get(0).get("vm_template").asString());
        assertSameTemplate(compute, database, roles.get(1).get("vm_template").asString());

        assertThat(http().delete("/apps/" + frontendApp.get("appId").asString()).statusCode())
                .as("an app another app refers to stays").isEqualTo(409);
        HttpResponse<String> deleted = http().delete("/apps/" + rootApp + "?reason=replaced");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
        compute.awaitCompleted(Http.JSON.readTree(deleted.body()).get("sagaId").asString());
        assertThat(compute.get("/marketplaces/" + marketplace + "/apps")).as("the import's apps go with it").isEmpty();
        assertThat(objects.keys(bucket, "apps/")).isEmpty();
    }

    @Test
    void anImportThatFailsHalfWayLeavesNothingBehind() throws Exception {
        ComputeFixtures compute = new ComputeFixtures(http());
        JsonNode kept = compute.image("kept", "OS", 6 * 1024 * 1024, 4);
        JsonNode lost = compute.image("lost", "OS", 1024 * 1024, 5);
        String template = compute.template("half", """
                {"CPU":1,"MEMORY":256,"DISK":[{"IMAGE_ID":"%s"},{"IMAGE_ID":"%s","TYPE":"IMAGE"}]}"""
                .formatted(kept.get("imageId").asString(), lost.get("imageId").asString()));
        String marketplace = compute.marketplace("local");
        assertThat(http().postJson("/marketplaces/" + marketplace + "/imports",
                "{\"kind\":\"VMTEMPLATE\",\"objectId\":\"" + kept.get("imageId").asString() + "\"}").statusCode())
                .as("an image is no VM template").isEqualTo(404);
        // The second disk's file is gone behind the inventory's back: its upload cannot succeed.
        Files.delete(Path.of(lost.get("location").asString()));

        JsonNode imported = compute.accepted("/marketplaces/" + marketplace + "/imports",
                "{\"kind\":\"VMTEMPLATE\",\"objectId\":\"" + template + "\"}");
        String sagaId = imported.get("sagaId").asString();
        JsonNode saga = compute.awaitSagaFinal(sagaId);

        assertThat(saga.get("status").asString()).as(saga.toString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString()).contains("is missing");
        assertThat(result(saga, "prepare").get("apps")).as("three apps were indexed before the failure").hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM market_app WHERE import_saga = ?").param(sagaId)
                .query(Long.class).single()).isZero();
        assertThat(compute.get("/marketplaces/" + marketplace + "/apps")).isEmpty();
        String bucket = compute.get("/marketplaces/" + marketplace).get("bucket").asString();
        assertThat(objects.keys(bucket, "apps/")).isEmpty();
        assertThat(compute.get("/compute/images/" + kept.get("imageId").asString()).get("sha256").asString())
                .isEqualTo(kept.get("sha256").asString());
    }

    @Test
    void anExportThatFailsHalfWayLeavesNothingBehind() throws Exception {
        ComputeFixtures compute = new ComputeFixtures(http());
        JsonNode first = compute.image("first", "OS", 2 * 1024 * 1024, 6);
        JsonNode second = compute.image("second", "DATABLOCK", 2 * 1024 * 1024, 7);
        String template = compute.template("pair", """
                {"CPU":1,"MEMORY":256,"DISK":[{"IMAGE_ID":"%s"},{"IMAGE_ID":"%s"}]}"""
                .formatted(first.get("imageId").asString(), second.get("imageId").asString()));
        String marketplace = compute.marketplace("local");
        JsonNode imported = compute.accepted("/marketplaces/" + marketplace + "/imports",
                "{\"kind\":\"VMTEMPLATE\",\"objectId\":\"" + template + "\"}");
        compute.awaitCompleted(imported.get("sagaId").asString());
        JsonNode secondApp = StreamSupport.stream(compute.get("/marketplaces/" + marketplace + "/apps")
                .spliterator(), false).filter(app -> app.get("name").asString().equals("second")).findFirst()
                .orElseThrow();
        // Its bytes are damaged in the marketplace: the export must notice and keep none of what it fetched.
        String bucket = compute.get("/marketplaces/" + marketplace).get("bucket").asString();
        byte[] damaged = new byte[2 * 1024 * 1024];
        objects.s3.putObject(PutObjectArgs.builder().bucket(bucket)
                .object("apps/" + secondApp.get("appId").asString() + "/disk")
                .stream(new ByteArrayInputStream(damaged), (long) damaged.length, -1L).build());
        long imagesBefore = jdbc.sql("SELECT count(*) FROM compute_image").query(Long.class).single();

        JsonNode exported = compute.accepted("/apps/" + imported.get("appId").asString() + "/exports", "{}");
        String sagaId = exported.get("sagaId").asString();
        JsonNode saga = compute.awaitSagaFinal(sagaId);

        assertThat(saga.get("status").asString()).as(saga.toString()).isEqualTo("COMPENSATED");
        assertThat(saga.get("failureReason").asString()).contains("reads back with SHA-256");
        for (String table : List.of("compute_image", "compute_vm_template", "compute_service_template")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE created_by_saga = ?").param(sagaId)
                    .query(Long.class).single()).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM compute_image").query(Long.class).single())
                .isEqualTo(imagesBefore);
        List<String> fetched = new ArrayList<>();
        result(saga, "resolve").get("fetches").forEach(fetch -> fetched.add(fetch.get("imageId").asString()));
        assertThat(fetched).hasSize(2);
        try (Stream<Path> files = Files.list(PROVISIONING.resolve("compute").resolve("images"))) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no file of a fetched image is left").noneMatch(file -> fetched.stream().anyMatch(file::contains));
        }
    }

    /** The copy equals the original template, but for the network details left out and the new images' ids. */
    private static void assertSameTemplate(ComputeFixtures compute, String originalId, String copyId) throws Exception {
        JsonNode original = compute.get("/compute/templates/" + originalId).get("body");
        JsonNode copy = compute.get("/compute/templates/" + copyId).get("body");
        ObjectNode expected = ((ObjectNode) original).deepCopy();
        expected.remove("NIC");
        if (expected.get("CONTEXT") instanceof ObjectNode context) {
            context.remove("NETWORK");
            context.remove("ETH0_IP");
        }
        ObjectNode actual = ((ObjectNode) copy).deepCopy();
        for (int i = 0; i < original.get("DISK").size(); i++) {
            JsonNode originalImage = compute.get("/compute/images/"
                    + original.get("DISK").get(i).get("IMAGE_ID").asString());
            JsonNode copiedImage = compute.get("/compute/images/"
                    + copy.get("DISK").get(i).get("IMAGE_ID").asString());
            assertThat(copiedImage.get("imageId").asString()).isNotEqualTo(originalImage.get("imageId").asString());
            assertThat(copiedImage.get("sha256").asString()).isEqualTo(originalImage.get("sha256").asString());
            assertThat(ComputeFixtures.sha256(Path.of(copiedImage.get("location").asString())))
                    .as("the bytes on disk").isEqualTo(originalImage.get("sha256").asString());
            assertThat(copiedImage.get("attributes")).isEqualTo(originalImage.get("attributes"));
            ((ObjectNode) expected.get("DISK").get(i)).remove("IMAGE_ID");
            ((ObjectNode) actual.get("DISK").get(i)).remove("IMAGE_ID");
            ((ObjectNode) expected.get("DISK").get(i)).put("TYPE", original.get("DISK").get(i).path("TYPE")
                    .asString("IMAGE"));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
