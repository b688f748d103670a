package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two tenants side by side: neither sees nor steers the other's sagas and replies, each is granted macaroons only for
 * its own resources, internal commands and saga-steering extensions are refused to both, and who did what is in the
 * audit trail.
 */
class TenantIsolationTest extends ControlPlaneTestBase {

    private record Tenant(String name, Http member, Http viewer, Http operator) {
    }

    private Tenant tenant(String prefix, String resource) {
        String name = prefix + "-" + id().substring(0, 8);
        assertThat(http().postJson("/tenants", "{\"name\":\"" + name + "\",\"resources\":[\"" + resource + "\"]}")
                .statusCode()).isEqualTo(201);
        return new Tenant(name, client(name, "MEMBER"), client(name, "VIEWER"), client(name, "OPERATOR"));
    }

    private Http client(String tenant, String role) {
        String name = tenant + "-" + role.toLowerCase();
        HttpResponse<String> created = http().postJson("/tenants/" + tenant + "/clients",
                "{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return http().as(http().token(name, Http.JSON.readTree(created.body()).get("clientSecret").asString()));
    }

    @Test
    void neitherTenantSeesOrChangesTheOthersSagas() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        String trigger = id();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.demo.grant.requested.v1",
                 "data":{"resource":"s3://red/run-1","action":"read","ttlSeconds":60}}""".formatted(trigger);
        HttpResponse<String> started = red.member().postStructured(event);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String sagaId = Http.JSON.readTree(started.body()).get("sagaId").asString();
        HttpResponse<String> same = blue.member().postStructured(event);
        assertThat(Http.JSON.readTree(same.body()).get("sagaId").asString())
                .as("the same trigger id from another tenant starts its own saga").isNotEqualTo(sagaId);

        assertThat(red.viewer().get("/sagas/" + sagaId).statusCode()).isEqualTo(200);
        assertThat(blue.member().get("/sagas/" + sagaId).statusCode()).isEqualTo(404);
        assertThat(blue.operator().get("/sagas/" + sagaId + "/stream").statusCode()).isEqualTo(404);
        assertThat(blue.operator().post("/sagas/" + sagaId + "/abandon", "application/json", "{}", Map.of())
                .statusCode()).isEqualTo(404);
        assertThat(red.viewer().post("/sagas/" + sagaId + "/abandon", "application/json", "{}", Map.of())
                .statusCode()).as("a viewer does not steer").isEqualTo(403);
        JsonNode blueList = Http.JSON.readTree(blue.viewer().get("/sagas?limit=500").body());
        assertThat(blueList.findValuesAsString("sagaId")).doesNotContain(sagaId);
        JsonNode redList = Http.JSON.readTree(red.viewer().get("/sagas?limit=500").body());
        assertThat(redList.findValuesAsString("sagaId")).contains(sagaId);
        await().atMost(Duration.ofSeconds(30)).until(() -> Http.JSON.readTree(red.viewer().get("/sagas/" + sagaId)
                .body()).get("status").asString().equals("COMPLETED"));
    }

    @Test
    void macaroonsOnlyForTheTenantsResourcesAndRepliesOnlyForTheirSender() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        String id = id();
        assertThat(red.member().postStructured(Http.issueEvent(id, "s3://red/run-1", "write", 60)).statusCode())
                .isEqualTo(202);
        assertThat(red.member().reply(id).get("type").asString()).isEqualTo("io.opencloud.macaroon.issue.completed.v1");
        assertThat(blue.member().get("/events/" + id + "/reply").statusCode()).as("a guessed reply id").isEqualTo(404);
        assertThat(red.viewer().get("/events/" + id + "/reply").statusCode())
                .as("another principal of the same tenant").isEqualTo(404);

        HttpResponse<String> foreign = blue.member().postStructured(Http.issueEvent(id(), "s3://red/run-1", "read", 60));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("has no right on s3://red/run-1");
        assertThat(red.member().postStructured(Http.issueEvent(id(), "s3://red/../blue/x", "read", 60)).statusCode())
                .isEqualTo(403);
        assertThat(red.viewer().postStructured(Http.issueEvent(id(), "s3://red/run-1", "write", 60)).statusCode())
                .as("a viewer is granted at most read").isEqualTo(403);
        assertThat(red.viewer().postStructured(Http.issueEvent(id(), "s3://red/run-1", "read", 60)).statusCode())
                .isEqualTo(202);
    }

    @Test
    void internalCommandsAndSteeringExtensionsAreRefusedFromOutside() {
        Tenant red = tenant("red", "s3://red/");
        HttpResponse<String> destroy = red.member().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.terraform.destroy.requested.v1",
                 "data":{"provisionId":"00000000-0000-0000-0000-000000000000"}}""".formatted(id()));
        assertThat(destroy.statusCode()).isEqualTo(403);
        assertThat(destroy.body()).contains("internal-command");
        HttpResponse<String> steering = red.member().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.macaroon.verify.requested.v1",
                 "sagaid":"someone-elses-saga",
                 "data":{"macaroon":"x","request":{"resource":"s3://red/a","action":"read"}}}""".formatted(id()));
        assertThat(steering.statusCode()).isEqualTo(403);
        assertThat(steering.body()).contains("sagaid");
    }

    @Test
    void storedObjectsBelongToTheTenantThatMadeThem() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        ComputeFixtures redCompute = new ComputeFixtures(red.member());
        String image = redCompute.image("red-disk", "OS", 1024, 7).get("imageId").asString();
        String template = redCompute.template("red-template", "{\"CPU\":1,\"MEMORY\":64,\"DISK\":[{\"IMAGE_ID\":\""
                + image + "\"}]}");
        String marketplace = redCompute.marketplace("local");

        for (String path : new String[] {"/compute/images/" + image, "/compute/templates/" + template,
                "/marketplaces/" + marketplace, "/marketplaces/" + marketplace + "/apps"}) {
            assertThat(red.viewer().get(path).statusCode()).as("red sees " + path).isEqualTo(200);
            assertThat(blue.viewer().get(path).statusCode()).as("blue does not see " + path).isEqualTo(404);
        }
        assertThat(Http.JSON.readTree(blue.viewer().get("/compute/images").body()).findValuesAsString("imageId"))
                .doesNotContain(image);
        assertThat(Http.JSON.readTree(blue.viewer().get("/marketplaces").body()).findValuesAsString("marketplaceId"))
                .doesNotContain(marketplace);
        assertThat(Http.JSON.readTree(red.viewer().get("/marketplaces").body()).findValuesAsString("marketplaceId"))
                .contains(marketplace);

        assertThat(blue.member().postJson("/compute/templates", "{\"name\":\"stolen\",\"template\":{\"DISK\":"
                + "[{\"IMAGE_ID\":\"" + image + "\"}]}}").statusCode()).as("another tenant's image").isEqualTo(400);
        assertThat(blue.member().postJson("/marketplaces/" + marketplace + "/imports", "{\"kind\":\"IMAGE\","
                + "\"objectId\":\"" + image + "\"}").statusCode()).as("into another tenant's marketplace")
                .isEqualTo(404);
        String blueMarketplace = new ComputeFixtures(blue.member()).marketplace("local");
        assertThat(blue.member().postJson("/marketplaces/" + blueMarketplace + "/imports", "{\"kind\":\"IMAGE\","
                + "\"objectId\":\"" + image + "\"}").statusCode()).as("another tenant's image").isEqualTo(404);
        assertThat(blue.member().delete("/marketplaces/" + marketplace).statusCode()).isEqualTo(404);
        assertThat(red.member().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.market.import.requested.v1",
                 "data":{"marketplaceId":"%s","kind":"IMAGE","objectId":"%s"}}""".formatted(id(), marketplace, image))
                .statusCode()).as("a trigger over stored objects goes through its API endpoint").isEqualTo(403);
    }

    @Test
    void nobodyAimsTheServerAtAnAddressOfTheirChoosing() {
        Tenant red = tenant("red", "s3://red/");
        for (String endpoint : new String[] {"http://127.0.0.1:22", "http://169.254.169.254", "http://s3.evil.example"}) {
            HttpResponse<String> refused = red.member().postStructured("""
                    {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.workflow.sentinel.requested.v1",
                     "data":{"bbox":[8.9,45.4,10.3,46.1],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T23:59:59Z",
                             "maxCloudCover":20,"destination":{"bucket":"loot","prefix":"x","credentials":"partner",
                                                               "endpoint":"%s"}}}""".formatted(id(), endpoint));
            assertThat(refused.statusCode()).as(endpoint).isEqualTo(400);
            assertThat(refused.body()).as(endpoint).contains("/data/destination/endpoint")
                    .contains("destination policy");
        }
        HttpResponse<String> marketplace = red.member().postJson("/marketplaces", """
                {"name":"%s","credentials":"partner","endpoint":"http://127.0.0.1:22"}""".formatted("m-" + id()
                .substring(0, 8)));
        assertThat(marketplace.statusCode()).isEqualTo(400);
        assertThat(marketplace.body()).contains("destination policy");
        HttpResponse<String> push = red.member().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.storage.push.requested.v1",
                 "data":{"objects":[],"destination":{"bucket":"x","credentials":"partner","endpoint":"http://127.0.0.1:22"}}}"""
                .formatted(id()));
        assertThat(push.statusCode()).as("a push is the control plane's own command").isIn(400, 403);
        HttpResponse<String> foreignSet = red.member().postStructured("""
                {"specversion":"1.0","id":"%s","source":"/tests","type":"io.opencloud.workflow.sentinel.requested.v1",
                 "data":{"bbox":[8.9,45.4,10.3,46.1],"from":"2026-06-01T00:00:00Z","to":"2026-06-30T23:59:59Z",
                         "maxCloudCover":20,
                         "destination":{"bucket":"opencloud","prefix":"blue/loot","credentials":"local"}}}"""
                .formatted(id()));
        assertThat(foreignSet.statusCode()).as("another tenant's prefix in the shared store").isEqualTo(400);
        assertThat(foreignSet.body()).contains("under the prefix " + red.name() + "/");
        HttpResponse<String> platformSet = red.member().postJson("/marketplaces", """
                {"name":"%s","credentials":"partner"}""".formatted("m-" + id().substring(0, 8)));
        assertThat(platformSet.statusCode()).as("the platform's credential set").isEqualTo(400);
        assertThat(platformSet.body()).contains("not the tenant " + red.name() + "'s to use");
        HttpResponse<String> sharedBucket = red.member().postJson("/marketplaces", """
                {"name":"%s","credentials":"local","bucket":"opencloud"}""".formatted("m-" + id().substring(0, 8)));
        assertThat(sharedBucket.statusCode()).as("a bucket of the shared store not its own").isEqualTo(400);
    }

    @Test
    void aPageCountsOnlyWhatTheCallerSees() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        String redVm = vm(new ComputeFixtures(red.member()), "red-vm");
        String blueVm = vm(new ComputeFixtures(blue.member()), "blue-vm");

        JsonNode bluePage = Http.JSON.readTree(blue.viewer().get("/compute/vms?limit=1").body());
        assertThat(bluePage.findValuesAsString("vmId")).as("the first page of blue's, however many others are older")
                .containsExactly(blueVm);
        assertThat(Http.JSON.readTree(red.viewer().get("/compute/vms?limit=1000").body()).findValuesAsString("vmId"))
                .contains(redVm).doesNotContain(blueVm);
        assertThat(blue.viewer().get("/compute/vms/" + redVm).statusCode()).isEqualTo(404);
        assertThat(blue.member().putJson("/compute/vms/" + redVm + "/attributes", "{}").statusCode()).isEqualTo(404);
        assertThat(blue.member().post("/compute/vms/" + redVm + "/backup", "application/json", "", Map.of())
                .statusCode()).isEqualTo(404);
    }

    private static String vm(ComputeFixtures compute, String name) {
        String image = compute.image(name + "-os", "OS", 1024, name.hashCode()).get("imageId").asString();
        String template = compute.template(name, "{\"CPU\":1,\"MEMORY\":64,\"DISK\":[{\"IMAGE_ID\":\"" + image
                + "\"}]}");
        return compute.created("/compute/vms", "{\"name\":\"" + name + "\",\"templateId\":\"" + template + "\"}")
                .get("vmId").asString();
    }

    @Test
    void aTenantsCatalogResourcesAreItsOwn() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        Http redAdmin = client(red.name(), "ADMIN");
        Http blueAdmin = client(blue.name(), "ADMIN");
        String name = red.name() + "-scenes";
        String resource = """
                {"kind":"data","card":{"title":"Red's scenes","description":"Only red's"},"sharedWith":[]}""";
        assertThat(redAdmin.putJson("/catalog/resources/" + name, resource).statusCode()).isEqualTo(201);
        assertThat(red.member().putJson("/catalog/resources/" + name, resource).statusCode())
                .as("publishing is for the tenant's admins").isEqualTo(403);

        assertThat(red.viewer().get("/catalog/resources/" + name).statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(red.viewer().get("/catalog").body()).findValuesAsString("name")).contains(name);
        assertThat(blue.viewer().get("/catalog/resources/" + name).statusCode()).isEqualTo(404);
        assertThat(Http.JSON.readTree(blue.viewer().get("/catalog").body()).findValuesAsString("name"))
                .doesNotContain(name);
        assertThat(blueAdmin.putJson("/catalog/resources/" + name, resource).statusCode()).as("the name is taken")
                .isEqualTo(409);
        assertThat(blueAdmin.delete("/catalog/resources/" + name).statusCode()).isEqualTo(404);
        HttpResponse<String> grant = blueAdmin.postJson("/provider/macaroons", """
                {"peer":"some-peer","resource":"%s/part","action":"read","ttlSeconds":60}""".formatted(name));
        assertThat(grant.statusCode()).as("a peer's macaroon for another tenant's resource").isEqualTo(404);
        assertThat(grant.body()).contains("your tenant's part");
        assertThat(redAdmin.delete("/catalog/resources/" + name).statusCode()).isEqualTo(204);
    }

    @Test
    void anObjectSharedWithAnotherTenantIsSeenAndUsedThereButNotChanged() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        ComputeFixtures redCompute = new ComputeFixtures(red.member());
        String image = redCompute.image("shared-disk", "OS", 1024, 11).get("imageId").asString();
        String marketplace = redCompute.marketplace("local");
        String template = "{\"name\":\"blue-on-red\",\"template\":{\"DISK\":[{\"IMAGE_ID\":\"" + image + "\"}]}}";
        assertThat(blue.member().postJson("/compute/templates", template).statusCode()).isEqualTo(400);

        assertThat(red.member().putJson("/shares/image/" + image + "/" + blue.name(), "").statusCode())
                .isEqualTo(201);
        assertThat(red.member().putJson("/shares/marketplace/" + marketplace + "/" + blue.name(), "").statusCode())
                .isEqualTo(201);
        assertThat(Http.JSON.readTree(red.viewer().get("/shares/image/" + image).body()).get("tenants").toString())
                .contains(blue.name());
        assertThat(blue.viewer().get("/compute/images/" + image).statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(blue.viewer().get("/compute/images").body()).findValuesAsString("imageId"))
                .contains(image);
        assertThat(blue.member().postJson("/compute/templates", template).statusCode()).as("used in blue's template")
                .isEqualTo(201);
        assertThat(blue.viewer().get("/marketplaces/" + marketplace + "/apps").statusCode()).isEqualTo(200);
        assertThat(blue.member().delete("/marketplaces/" + marketplace).statusCode()).as("not blue's to delete")
                .isEqualTo(404);
        assertThat(blue.member().putJson("/marketplaces/" + marketplace, "{\"description\":\"mine now\"}")
                .statusCode()).as("not blue's to change").isEqualTo(404);
        assertThat(blue.member().putJson("/shares/image/" + image + "/" + red.name(), "").statusCode())
                .as("only the owner shares").isEqualTo(404);

        assertThat(red.member().delete("/shares/image/" + image + "/" + blue.name()).statusCode()).isEqualTo(204);
        assertThat(blue.viewer().get("/compute/images/" + image).statusCode()).isEqualTo(404);
    }

    @Test
    void providersAndProvisionsAreTheirTenantsOwn() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        String provider = red.name() + "-site";
        assertThat(red.member().postJson("/providers", """
                {"name":"%s","template":"local","connection":{"site":"%s","token":"t-%s"}}"""
                .formatted(provider, provider, id())).statusCode()).isEqualTo(201);
        HttpResponse<String> provision = red.member().postJson("/provisions", """
                {"name":"red-edge","provider":"%s","hosts":[{"name":"edge","count":1}]}""".formatted(provider));
        assertThat(provision.statusCode()).as(provision.body()).isEqualTo(202);
        JsonNode created = Http.JSON.readTree(provision.body());
        String provisionId = created.get("id").asString();

        assertThat(created.toString()).as("owned by its creator, grouped in its tenant")
                .contains(red.name() + "-member").contains(red.name());
        assertThat(blue.viewer().get("/providers/" + provider).statusCode()).isEqualTo(404);
        assertThat(Http.JSON.readTree(blue.viewer().get("/providers").body()).findValuesAsString("name"))
                .doesNotContain(provider);
        HttpResponse<String> borrowed = blue.member().postJson("/provisions", """
                {"name":"blue-edge","provider":"%s","hosts":[{"name":"edge","count":1}]}""".formatted(provider));
        assertThat(borrowed.statusCode()).as("another tenant's provider").isEqualTo(400);
        assertThat(borrowed.body()).doesNotContain(provider);
        assertThat(blue.viewer().get("/provisions/" + provisionId).statusCode()).isEqualTo(404);
        assertThat(Http.JSON.readTree(blue.viewer().get("/provisions?limit=500").body()).findValuesAsString("id"))
                .doesNotContain(provisionId);
        assertThat(blue.member().delete("/provisions/" + provisionId).statusCode()).isEqualTo(404);
        assertThat(red.viewer().get("/provisions/" + provisionId).statusCode()).isEqualTo(200);
        assertThat(red.member().postJson("/provisions", """
                {"name":"for-ana","provider":"%s","owner":"ana","hosts":[{"name":"edge","count":1}]}"""
                .formatted(provider)).statusCode()).as("a member provisions for itself only").isEqualTo(400);
    }

    @Test
    void tenantAdminsManageOnlyTheirOwnTenantAndEveryChangeIsAudited() {
        Tenant red = tenant("red", "s3://red/");
        Tenant blue = tenant("blue", "s3://blue/");
        Http redAdmin = client(red.name(), "ADMIN");
        assertThat(redAdmin.postJson("/tenants/" + red.name() + "/users", "{\"name\":\"" + red.name()
                + "-alice\",\"role\":\"MEMBER\"}").statusCode()).isEqualTo(201);
        assertThat(redAdmin.postJson("/tenants/" + blue.name() + "/clients", "{\"name\":\"" + red.name()
                + "-spy\",\"role\":\"ADMIN\"}").statusCode()).isEqualTo(404);
        assertThat(redAdmin.postJson("/tenants", "{\"name\":\"" + red.name() + "-x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> garbled = http().postJson("/tenants", "{\"name\":");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(garbled.body()).contains("the body is not JSON");
        HttpResponse<String> notAList = http().postJson("/tenants", "{\"name\":\"" + red.name()
                + "-y\",\"resources\":\"s3://\"}");
        assertThat(notAList.statusCode()).isEqualTo(400);
        assertThat(notAList.body()).contains("resources: a list of non-empty URI prefixes");
        assertThat(redAdmin.postJson("/tenants/" + red.name() + "/users", "[]").statusCode()).isEqualTo(400);
        assertThat(redAdmin.postJson("/tenants/" + red.name() + "/clients", "{\"name\":\"" + red.name()
                + "-svc\",\"role\":\"SERVICE\"}").statusCode()).as("only platform admins make services")
                .isEqualTo(403);
        assertThat(red.member().get("/audit").statusCode()).isEqualTo(403);
        JsonNode audit = Http.JSON.readTree(redAdmin.get("/audit").body());
        assertThat(audit.findValuesAsString("action")).contains("POST /tenants/{name}/users");
        assertThat(audit.findValuesAsString("tenant")).containsOnly(red.name());
        assertThat(audit.findValuesAsString("principal")).contains(red.name() + "-admin");
    }
}
