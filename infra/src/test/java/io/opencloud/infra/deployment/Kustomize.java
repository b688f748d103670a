package io.opencloud.infra.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of kustomize the overlays use:
 * {@code resources} (files and other kustomizations), {@code patches} given as files of partial resources (applied
 * as JSON merge patches, which is what kustomize does for custom resources), {@code namespace}, {@code labels} and
 * {@code images}. Any other field is refused rather than ignored, so an overlay cannot silently mean more here than
 * in a cluster.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace",
            "labels", "images");

    private Kustomize() {
    }

    public static List<Map<String, Object>> build(Path directory) throws IOException {
        Path file = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = Manifests.readOne(file);
        for (String field : kustomization.keySet()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": field '" + field + "' is not one this renderer knows");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String entry : strings(kustomization.get("resources"))) {
            Path path = directory.resolve(entry).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                resources.addAll(Manifests.readAll(path));
            }
        }
        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            if (patch.keySet().stream().anyMatch(key -> !key.equals("path"))) {
                throw new IllegalArgumentException(file + ": only patches given by 'path' are supported: " + patch);
            }
            apply(resources, Manifests.readOne(directory.resolve((String) patch.get("path"))), file);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            resources.forEach(resource -> metadata(resource).put("namespace", namespace));
        }
        for (Map<String, Object> labels : maps(kustomization.get("labels"))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> pairs = (Map<String, Object>) labels.get("pairs");
            resources.forEach(resource -> child(metadata(resource), "labels").putAll(pairs));
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            resources.forEach(resource -> retag(resource, image));
        }
        return resources;
    }

    private static void apply(List<Map<String, Object>> resources, Map<String, Object> patch, Path file) {
        Map<String, Object> target = resources.stream()
                .filter(r -> Objects.equals(r.get("kind"), patch.get("kind"))
                        && Objects.equals(metadata(r).get("name"), metadata(patch).get("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": a patch targets " + patch.get("kind") + " "
                        + metadata(patch).get("name") + ", which no resource is"));
        mergePatch(target, patch);
    }

    /** RFC 7386: maps merge key by key, null removes, anything else (lists included) replaces. */
    @SuppressWarnings("unchecked")
    public static void mergePatch(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> map && target.get(key) instanceof Map<?, ?> existing) {
                mergePatch((Map<String, Object>) existing, (Map<String, Object>) map);
            } else {
                target.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void retag(Map<String, Object> resource, Map<String, Object> image) {
        if (!(resource.get("spec") instanceof Map<?, ?> spec) || !(spec.get("template") instanceof Map<?, ?> template)
                || !(template.get("spec") instanceof Map<?, ?> podSpec)) {
            return;
        }
        for (Map<String, Object> container : (List<Map<String, Object>>) podSpec.get("containers")) {
            String current = (String) container.get("image");
            if (imageName(current).equals(image.get("name"))) {
                String name = (String) image.getOrDefault("newName", imageName(current));
                if (image.get("digest") != null) {
                    container.put("image", name + "@" + image.get("digest"));
                } else {
                    container.put("image", name + (image.get("newTag") != null ? ":" + image.get("newTag") : ""));
                }
            }
        }
    }

    private static String imageName(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at < 0 ? image : image.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    public static Map<String, Object> metadata(Map<String, Object> resource) {
        return child(resource, "metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
