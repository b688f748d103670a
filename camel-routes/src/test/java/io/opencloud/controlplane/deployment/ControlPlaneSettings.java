package io.opencloud.controlplane.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What the manifests take from the control plane's own {@code application.yml}: the concurrency of each domain's
 * functions, which sizes their Services.
 */
record ControlPlaneSettings(Map<String, Integer> concurrency) {

    static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");

    static ControlPlaneSettings read() throws IOException {
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(APPLICATION_YML)) {
            root = new Yaml().load(in);
        }
        Map<String, Object> opencloud = child(root, "opencloud");
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        child(child(opencloud, "functions"), "concurrency").forEach((domain, n) -> concurrency.put(domain, (Integer) n));
        return new ControlPlaneSettings(concurrency);
    }

    int concurrencyOf(String domain) {
        return Math.max(1, concurrency.getOrDefault(domain, 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
