package io.opencloud.infra.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads and writes Kubernetes manifests: YAML files of one resource or of several separated by {@code ---}. */
public final class Manifests {

    private Manifests() {
    }

    /**
     * A map of the given key-value pairs that keeps their order, so that generated manifests read top-down like
     * hand-written ones.
     */
    public static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> readOne(Path file) throws IOException {
        List<Map<String, Object>> all = readAll(file);
        if (all.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + all.size() + " documents, not one");
        }
        return all.getFirst();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readAll(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(in)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }

    /** The documents as one YAML text, block style, under a header comment. */
    public static String write(String header, List<Map<String, Object>> documents) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        Yaml yaml = new Yaml(options);
        StringBuilder text = new StringBuilder();
        header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                text.append("---\n");
            }
            text.append(yaml.dump(documents.get(i)));
        }
        return text.toString();
    }
}
