package io.opencloud.controlplane.deployment;

import io.opencloud.infra.deployment.Kustomize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resources of a rendered kustomization, looked up by kind and name, and what they refer to. */
public record RenderedResources(List<Map<String, Object>> all) {

    /** One resource naming another: {@code from} refers to the {@code kind} named {@code name}. */
    public record Reference(String from, String kind, String name) {
    }

    public static RenderedResources of(List<Map<String, Object>> resources) {
        return new RenderedResources(List.copyOf(resources));
    }

    public boolean has(String kind, String name) {
        return find(kind, name).isPresent();
    }

    public Optional<Map<String, Object>> find(String kind, String name) {
        return all.stream().filter(r -> kind.equals(r.get("kind"))
                && name.equals(Kustomize.metadata(r).get("name"))).findFirst();
    }

    public List<Map<String, Object>> ofKind(String kind) {
        return all.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    public Map<String, Object> configData(String name) {
        return map(find("ConfigMap", name).orElseThrow(), "data");
    }

    /** The container of a Knative Service (each has exactly one). */
    public static Map<String, Object> container(Map<String, Object> service) {
        List<Map<String, Object>> containers = list(map(map(map(service, "spec"), "template"), "spec"), "containers");
        if (containers.size() != 1) {
            throw new IllegalStateException(name(service) + " has " + containers.size() + " containers");
        }
        return containers.getFirst();
    }

    /** The value of an environment variable a Service's container sets itself, if it does. */
    public static Optional<String> env(Map<String, Object> service, String variable) {
        return list(container(service), "env").stream().filter(e -> variable.equals(e.get("name")))
                .map(e -> (String) e.get("value")).findFirst();
    }

    public List<String> images() {
        return ofKind("Service").stream().map(s -> (String) container(s).get("image")).toList();
    }

    public List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (Map<String, Object> resource : all) {
            String from = resource.get("kind") + " " + name(resource);
            Map<String, Object> spec = map(resource, "spec");
            switch ((String) resource.get("kind")) {
                case "Trigger" -> {
                    references.add(new Reference(from, "Broker", (String) spec.get("broker")));
                    destination(from, map(spec, "subscriber"), references);
                }
                case "Broker" -> {
                    references.add(new Reference(from, "ConfigMap", (String) map(spec, "config").get("name")));
                    destination(from, map(map(spec, "delivery"), "deadLetterSink"), references);
                }
                case "KafkaSource", "PingSource" -> {
                    destination(from, map(spec, "sink"), references);
                    destination(from, map(map(spec, "delivery"), "deadLetterSink"), references);
                }
                case "Service" -> {
                    Map<String, Object> container = container(resource);
                    for (Map<String, Object> source : list(container, "envFrom")) {
                        if (source.containsKey("configMapRef")) {
                            references.add(new Reference(from, "ConfigMap",
                                    (String) map(source, "configMapRef").get("name")));
                        }
                        if (source.containsKey("secretRef")) {
                            references.add(new Reference(from, "Secret", (String) map(source, "secretRef").get("name")));
                        }
                    }
                    for (Map<String, Object> volume : list(map(map(spec, "template"), "spec"), "volumes")) {
                        if (volume.containsKey("secret")) {
                            references.add(new Reference(from, "Secret", (String) map(volume, "secret").get("secretName")));
                        }
                        if (volume.containsKey("persistentVolumeClaim")) {
                            references.add(new Reference(from, "PersistentVolumeClaim",
                                    (String) map(volume, "persistentVolumeClaim").get("claimName")));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return references;
    }

    /** The resource a destination's {@code ref} names, if it has one. */
    public Optional<Map<String, Object>> target(Map<String, Object> destination) {
        Map<String, Object> ref = map(destination, "ref");
        return ref.isEmpty() ? Optional.empty() : find((String) ref.get("kind"), (String) ref.get("name"));
    }

    private static void destination(String from, Map<String, Object> destination, List<Reference> references) {
        Map<String, Object> ref = map(destination, "ref");
        if (!ref.isEmpty()) {
            references.add(new Reference(from, (String) ref.get("kind"), (String) ref.get("name")));
        }
    }

    public static String name(Map<String, Object> resource) {
        return (String) Kustomize.metadata(resource).get("name");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
