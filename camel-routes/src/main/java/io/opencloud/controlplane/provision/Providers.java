package io.opencloud.controlplane.provision;

import io.opencloud.functions.provision.ProviderConnections;
import io.opencloud.functions.provision.ProviderTemplate;
import io.opencloud.functions.provision.ProviderTemplates;
import io.opencloud.functions.secrets.SecretBox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, edits and deletes provider instances. Every request is checked against its provider template, every fault
 * named; the connection is sealed before it is stored and is never returned, only the names of its fields.
 */
@Service
public class Providers {

    private static final TypeReference<Map<String, String>> CONNECTION = new TypeReference<>() { };

    private final ProviderStore store;
    private final ProviderTemplates templates;
    private final SecretBox secrets;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Providers(ProviderStore store, ProviderTemplates templates, SecretBox secrets, JdbcClient jdbc,
                     JsonMapper json) {
        this.store = store;
        this.templates = templates;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public ProviderRow create(JsonNode body) {
        List<String> problems = new ArrayList<>();
        String name = body.path("name").asString(null);
        if (!Names.valid(name)) {
            problems.add("name is required: " + Names.rule());
        }
        String templateName = body.path("template").asString(null);
        ProviderTemplate template = templateName == null ? null : templates.find(templateName).orElse(null);
        if (template == null) {
            problems.add("template must name a provider template, one of "
                    + templates.all().stream().map(ProviderTemplate::name).toList());
        }
        Map<String, Object> connection = JsonBodies.values(body, "connection", problems);
        Map<String, Object> inputs = JsonBodies.values(body, "inputs", problems);
        if (template != null) {
            problems.addAll(template.connectionProblems(connection));
            problems.addAll(template.inputProblems(inputs));
        }
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        UUID id = UUID.randomUUID();
        ProviderRow row = new ProviderRow(id, name, template.name(), body.path("description").asString(null),
                json.valueToTree(template.withDefaults(inputs)), connection.keySet().stream().sorted().toList(),
                seal(id, connection), null, null);
        if (!store.insert(row)) {
            throw RequestRefusedException.conflict("a provider is named " + name + " already");
        }
        return store.find(id.toString()).orElseThrow();
    }

    /** Changes the description, some inputs and some connection fields; what is not given is kept. */
    @Transactional
    public ProviderRow edit(String idOrName, JsonNode body) {
        ProviderRow row = store.lock(idOrName).orElseThrow(() -> RequestRefusedException.notFound("provider "
                + idOrName));
        ProviderTemplate template = templates.find(row.template()).orElseThrow(() -> RequestRefusedException
                .conflict("provider " + row.name() + " was made from template " + row.template()
                        + ", which is no longer installed"));
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        body.propertyNames().forEach(member -> {
            if (!List.of("description", "connection", "inputs").contains(member)) {
                unknown.add(member + " cannot be edited (description, connection and inputs can)");
            }
        });
        problems.addAll(unknown);
        Map<String, Object> connection = new LinkedHashMap<>(open(row));
        connection.putAll(JsonBodies.values(body, "connection", problems));
        Map<String, Object> inputs = new LinkedHashMap<>(json.convertValue(row.inputs(),
                new TypeReference<Map<String, Object>>() { }));
        inputs.putAll(JsonBodies.values(body, "inputs", problems));
        problems.addAll(template.connectionProblems(connection));
        problems.addAll(template.inputProblems(inputs));
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        String description = body.has("description") ? body.path("description").asString(null) : row.description();
        store.update(new ProviderRow(row.providerId(), row.name(), row.template(), description,
                json.valueToTree(template.withDefaults(inputs)), connection.keySet().stream().sorted().toList(),
                seal(row.providerId(), connection), row.createdAt(), row.updatedAt()));
        return store.find(row.providerId().toString()).orElseThrow();
    }

    /** Deletes a provider that no live provision uses; the provisions it leaves (all done) keep its name. */
    @Transactional
    public void delete(String idOrName) {
        ProviderRow row = store.lock(idOrName).orElseThrow(() -> RequestRefusedException.notFound("provider "
                + idOrName));
        List<String> live = jdbc.sql("SELECT name FROM provision WHERE provider_id = ? AND state <> 'DONE' ORDER BY name")
                .param(row.providerId()).query(String.class).list();
        if (!live.isEmpty()) {
            throw RequestRefusedException.conflict("provider " + row.name() + " is used by provisions " + live
                    + "; delete them first");
        }
        store.delete(row.providerId());
    }

    private byte[] seal(UUID providerId, Map<String, Object> connection) {
        return secrets.seal(json.writeValueAsBytes(connection), ProviderConnections.sealedFor(providerId));
    }

    private Map<String, String> open(ProviderRow row) {
        return json.readValue(secrets.open(row.sealedConnection(), ProviderConnections.sealedFor(row.providerId())),
                CONNECTION);
    }
}
