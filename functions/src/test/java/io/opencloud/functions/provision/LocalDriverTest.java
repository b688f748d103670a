package io.opencloud.functions.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.opencloud.functions.terraform.ProvisionedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Terraform configuration the local driver generates from its templates, and its host checks. */
class LocalDriverTest {

    private static final String PROVISION = "7a0c4e1d-2b3f-4c5d-8e9f-0a1b2c3d4e5f";

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path records;

    @Test
    void eachResourceIsATerraformDataWithItsProvisionersAndTheOutputsListThemAll() throws Exception {
        LocalDriver driver = driver();
        ProviderTemplate template = templates(driver).find("local").orElseThrow();
        JsonNode config = driver.configuration(new ProvisionLayout(PROVISION, "edge-site", template,
                template.withDefaults(Map.of()), List.of(new ResourceSpec("edge-1", Map.of("rack", "r1")),
                new ResourceSpec("edge-2", Map.of("simulate_failures", 2))), List.of(new ResourceSpec("public", null)),
                List.of()));

        assertThat(config.at("/variable/token/sensitive").asBoolean()).isTrue();
        assertThat(config.at("/variable/site/type").asString()).isEqualTo("string");
        JsonNode resources = config.at("/resource/terraform_data");
        assertThat(resources.propertyNames()).containsExactlyInAnyOrder("cluster", "host_edge-1", "host_edge-2",
                "network_public");
        JsonNode host = resources.get("host_edge-1");
        assertThat(host.at("/input/attributes/rack").asString()).isEqualTo("r1");
        assertThat(host.at("/input/attributes/cpu").asInt()).isEqualTo(2);
        assertThat(host.at("/input/records").asString()).isEqualTo(records.resolve(PROVISION).toString());
        assertThat(host.at("/provisioner/0/local-exec/command").asString()).contains("ln \"$temporary\" \"$record\"");
        assertThat(host.at("/provisioner/1/local-exec/when").asString()).isEqualTo("destroy");
        assertThat(resources.at("/host_edge-2/provisioner/0/local-exec/environment/FAILURES").asString())
                .isEqualTo("2");
        assertThat(config.at("/output/hosts/value/1/id").asString()).isEqualTo("${terraform_data.host_edge-2.id}");
        assertThat(config.at("/output/networks/value/0/name").asString()).isEqualTo("public");
        assertThat(config.at("/output/datastores/value").size()).isZero();
        assertThat(config.at("/output/cluster/value/name").asString()).isEqualTo("edge-site");
        assertThat(config.has("opencloud_output")).isFalse();
        assertThat(driver.environment(Map.of("token", "t0k"))).isEqualTo(Map.of("TF_VAR_token", "t0k"));
    }

    @Test
    void aHostIsHealthyWhenItsRecordNamesIt() throws Exception {
        LocalDriver driver = driver();
        ProvisionedResource host = new ProvisionedResource("edge-1", "x", json.createObjectNode());
        assertThat(driver.check(PROVISION, host).healthy()).isFalse();
        assertThat(driver.check(PROVISION, host).detail()).contains("has no record");

        Path record = records.resolve(PROVISION).resolve("host").resolve("edge-1.json");
        Files.createDirectories(record.getParent());
        Files.writeString(record, "{\"kind\":\"host\",\"name\":\"edge-2\"}");
        assertThat(driver.check(PROVISION, host).detail()).contains("names \"edge-2\", not edge-1");
        Files.writeString(record, "{\"kind\":\"host\",\"name\":\"edge-1\"}");
        assertThat(driver.check(PROVISION, host)).isEqualTo(new HostHealth(true, "record " + record + " is present"));
    }

    private LocalDriver driver() {
        return new LocalDriver(new ProvisionProperties(null, new ProvisionProperties.Local(records)), json);
    }

    private ProviderTemplates templates(LocalDriver driver) throws Exception {
        return new ProviderTemplates(new ProvisionProperties(null, new ProvisionProperties.Local(records)),
                new ProvisionDrivers(List.of(driver)));
    }
}
