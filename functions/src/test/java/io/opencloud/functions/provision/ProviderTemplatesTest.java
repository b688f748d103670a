package io.opencloud.functions.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Provider templates as read from the classpath and a providers directory, and the faults that stop start-up. */
class ProviderTemplatesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path folder;

    @Test
    void theShippedLocalTemplateIsReadWithItsConnectionFieldsInOrderAndItsInputs() throws Exception {
        ProviderTemplate local = templates(null).find("local").orElseThrow();

        assertThat(local.driver()).isEqualTo("local");
        assertThat(local.locationKey()).isEqualTo("site");
        assertThat(local.connection().keySet()).containsExactly("site", "token");
        assertThat(local.withDefaults(Map.of("host_cpu", 8L))).containsEntry("host_cpu", 8L)
                .containsEntry("host_memory_mb", 2048).containsEntry("host_image", "ubuntu-24.04");
        assertThat(local.inputProblems(Map.of("host_image", "windows", "colour", "red"))).containsExactly(
                "inputs.host_image must be one of [ubuntu-24.04, alpine-3.20, rocky-9]",
                "inputs.colour is not an input of provider template local");
    }

    @Test
    void everyFaultOfEveryTemplateInTheDirectoryIsNamedAtOnce() throws Exception {
        Files.writeString(folder.resolve("aws.yaml"), """
                name: aws-frankfurt
                provider: aws
                plain:
                  location_key: region
                connection:
                  access_key: AWS access key
                inputs:
                  - name: instance_type
                    type: list
                  - name: disks
                    type: number
                """);
        Files.writeString(folder.resolve("broken.yml"), "name: [unclosed");
        Files.writeString(folder.resolve("again.yaml"), "name: local\nprovider: local\n");
        Files.writeString(folder.resolve("notes.txt"), "not a template");

        assertThatThrownBy(() -> templates(folder)).isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("aws.yaml: provider aws has no driver (known: [local])",
                        "aws.yaml: plain.location_key region is not a connection field",
                        "aws.yaml: input instance_type is a list without options",
                        "aws.yaml: input disks has type number, not one of [text, integer, boolean, list]",
                        "broken.yml: not YAML", "again.yaml: another template is named local")
                .message().doesNotContain("notes.txt");
    }

    private ProviderTemplates templates(Path directory) throws Exception {
        ProvisionProperties properties = new ProvisionProperties(directory, new ProvisionProperties.Local(folder));
        return new ProviderTemplates(properties, new ProvisionDrivers(List.of(new LocalDriver(properties, json))));
    }
}
