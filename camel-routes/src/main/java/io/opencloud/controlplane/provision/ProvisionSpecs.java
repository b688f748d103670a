package io.opencloud.controlplane.provision;

import io.opencloud.functions.provision.ResourceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the hosts, networks and datastores a provision request asks for. A host entry with a {@code count} stands for
 * that many hosts named {@code <name>-1} to {@code <name>-<count>}, as ONEedge's host groups do.
 */
final class ProvisionSpecs {

    static final int MAX_HOSTS = 1000;

    private ProvisionSpecs() {
    }

    static List<ResourceSpec> hosts(JsonMapper json, JsonNode body, List<String> problems) {
        List<ResourceSpec> hosts = resources(json, body, "hosts", true, problems);
        if (hosts.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("hosts"))) {
            problems.add("hosts must ask for at least one host");
        }
        return hosts;
    }

    static List<ResourceSpec> resources(JsonMapper json, JsonNode body, String member, boolean counted,
                                        List<String> problems) {
        List<ResourceSpec> resources = new ArrayList<>();
        JsonNode entries = body.path(member);
        if (entries.isMissingNode() || entries.isNull()) {
            return resources;
        }
        if (!entries.isArray()) {
            problems.add(member + " must be an array");
            return resources;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String at = member + "[" + i + "]";
            String name = entry.path("name").asString(null);
            if (!Names.valid(name)) {
                problems.add(at + ".name is required: " + Names.rule());
                continue;
            }
            JsonNode attributes = entry.path("attributes");
            if (!attributes.isMissingNode() && !attributes.isObject()) {
                problems.add(at + ".attributes must be an object");
                continue;
            }
            Map<String, Object> values = attributes.isObject()
                    ? json.convertValue(attributes, new TypeReference<LinkedHashMap<String, Object>>() { })
                    : Map.of();
            List<String> expanded = List.of(name);
            if (entry.has("count")) {
                int count = entry.path("count").asInt(0);
                if (!counted || !entry.path("count").isIntegralNumber() || count < 1 || count > MAX_HOSTS) {
                    problems.add(at + ".count " + (counted ? "must be an integer from 1 to " + MAX_HOSTS
                            : "is allowed on hosts only"));
                    continue;
                }
                expanded = new ArrayList<>();
                for (int n = 1; n <= count; n++) {
                    expanded.add(name + "-" + n);
                }
            }
            for (String each : expanded) {
                if (!names.add(each)) {
                    problems.add(at + " names " + each + ", which another entry of " + member + " names too");
                } else if (!Names.valid(each)) {
                    problems.add(at + " makes the name " + each + ", which is too long: " + Names.rule());
                } else {
                    resources.add(new ResourceSpec(each, values));
                }
            }
        }
        if (resources.size() > MAX_HOSTS) {
            problems.add(member + " asks for " + resources.size() + ", more than " + MAX_HOSTS);
        }
        return resources;
    }
}
