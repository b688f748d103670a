package io.opencloud.infra.deployment;

import io.opencloud.events.Topics;
import io.opencloud.infra.outbox.OutboxRelayConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code kafka/} from the one list of topics ({@link Topics}) and the one definition of the outbox connector
 * ({@link OutboxRelayConfig#connectConfig()}): Strimzi {@code KafkaTopic}s, the Kafka Connect cluster that runs
 * Debezium, and the connector as a {@code KafkaConnector}.
 */
final class KafkaManifests {

    static final String KAFKA_CLUSTER = "opencloud";
    static final String CONNECT_CLUSTER = "opencloud-connect";
    static final String CONNECTOR = "opencloud-outbox";
    /** Where the Knative Broker parks what it could not deliver (knative/base/broker.yaml). */
    static final String BROKER_DLQ = Topics.deadLetter("opencloud.broker");
    /** Where the Kafka cluster, its topics and Kafka Connect live; Strimzi watches topics in its cluster's namespace. */
    private static final String NAMESPACE = "kafka";
    /** Where the control plane and its Secrets live. */
    private static final String CONTROL_PLANE_NAMESPACE = "opencloud";
    private static final String CREDENTIALS = "opencloud-credentials";
    /** Debezium's heartbeats, which let the slot advance while the outbox is quiet (topic.prefix opencloud_outbox). */
    static final String HEARTBEAT_TOPIC = "__debezium-heartbeat.opencloud_outbox";
    private static final String BOOTSTRAP = "opencloud-kafka-bootstrap:9092";
    private static final long WEEK_MS = 7L * 24 * 3600 * 1000;
    private static final long MONTH_MS = 30L * 24 * 3600 * 1000;
    private static final String DEBEZIUM_PLUGIN = "https://repo1.maven.org/maven2/io/debezium/"
            + "debezium-connector-postgres/3.6.3.Final/debezium-connector-postgres-3.6.3.Final-plugin.tar.gz";

    private KafkaManifests() {
    }

    /** The topics: every topic of the control plane, and the Broker's dead letters. */
    static List<Map<String, Object>> topics() {
        List<String> names = new ArrayList<>(Topics.all());
        names.add(BROKER_DLQ);
        List<Map<String, Object>> topics = new ArrayList<>();
        for (String name : names) {
            boolean deadLetters = name.endsWith(".dlq");
            Map<String, Object> config = new LinkedHashMap<>();
            // Dead letters wait for a person to look at them: a month; the live topics only need to outlast an outage.
            config.put("retention.ms", deadLetters ? MONTH_MS : WEEK_MS);
            config.put("cleanup.policy", "delete");
            config.put("min.insync.replicas", 2);
            Map<String, Object> spec = new LinkedHashMap<>();
            // Keys are saga ids: more partitions let more sagas advance side by side, in order within each saga.
            spec.put("partitions", deadLetters ? 1 : 6);
            spec.put("replicas", 3);
            spec.put("config", config);
            topics.add(resource("KafkaTopic", name, Map.of("strimzi.io/cluster", KAFKA_CLUSTER), Map.of(), spec));
        }
        Map<String, Object> heartbeat = new LinkedHashMap<>();
        // A Kubernetes name cannot hold the underscores of Debezium's topic: topicName gives the real one.
        heartbeat.put("topicName", HEARTBEAT_TOPIC);
        heartbeat.put("partitions", 1);
        heartbeat.put("replicas", 3);
        heartbeat.put("config", new LinkedHashMap<>(Map.of("retention.ms", WEEK_MS)));
        topics.add(resource("KafkaTopic", "debezium-heartbeat.opencloud-outbox",
                Map.of("strimzi.io/cluster", KAFKA_CLUSTER), Map.of(), heartbeat));
        return topics;
    }

    /** Kafka Connect with Debezium's PostgreSQL connector and the outbox connector's own transformation. */
    static Map<String, Object> connect() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("config.storage.replication.factor", 3);
        config.put("offset.storage.replication.factor", 3);
        config.put("status.storage.replication.factor", 3);
        // The connector reads the database credentials from the control plane's Secret, never from this file.
        config.put("config.providers", "secrets");
        config.put("config.providers.secrets.class", "io.strimzi.kafka.KubernetesSecretConfigProvider");
        Map<String, Object> debezium = plugin("debezium-connector-postgres", "tgz", DEBEZIUM_PLUGIN);
        Map<String, Object> opencloud = plugin("opencloud-outbox-transforms", "jar",
                "https://maven.example.org/releases/io/opencloud/infra/0.1.0/infra-0.1.0-connect.jar");
        Map<String, Object> build = new LinkedHashMap<>();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "docker");
        output.put("image", "registry.example.org/opencloud/connect:0.1.0");
        build.put("output", output);
        build.put("plugins", List.of(debezium, opencloud));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", "4.1.0");
        spec.put("replicas", 1);
        spec.put("bootstrapServers", BOOTSTRAP);
        spec.put("groupId", CONNECT_CLUSTER);
        spec.put("configStorageTopic", CONNECT_CLUSTER + "-configs");
        spec.put("offsetStorageTopic", CONNECT_CLUSTER + "-offsets");
        spec.put("statusStorageTopic", CONNECT_CLUSTER + "-status");
        spec.put("config", config);
        spec.put("build", build);
        return resource("KafkaConnect", CONNECT_CLUSTER, Map.of(),
                Map.of("strimzi.io/use-connector-resources", "true"), spec);
    }

    /**
     * Lets Kafka Connect read the control plane's Secret across namespaces (Strimzi's
     * KubernetesSecretConfigProvider asks the API server as the service account Strimzi gives the Connect pods).
     */
    static List<Map<String, Object>> secretAccess() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("apiGroups", List.of(""));
        rule.put("resources", List.of("secrets"));
        rule.put("resourceNames", List.of(CREDENTIALS));
        rule.put("verbs", List.of("get"));
        Map<String, Object> role = rbac("Role", CONNECT_CLUSTER + "-secrets");
        role.put("rules", List.of(rule));
        Map<String, Object> binding = rbac("RoleBinding", CONNECT_CLUSTER + "-secrets");
        Map<String, Object> roleRef = new LinkedHashMap<>();
        roleRef.put("apiGroup", "rbac.authorization.k8s.io");
        roleRef.put("kind", "Role");
        roleRef.put("name", CONNECT_CLUSTER + "-secrets");
        binding.put("roleRef", roleRef);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("kind", "ServiceAccount");
        subject.put("name", CONNECT_CLUSTER + "-connect");
        subject.put("namespace", NAMESPACE);
        binding.put("subjects", List.of(subject));
        return List.of(role, binding);
    }

    private static Map<String, Object> rbac(String kind, String name) {
        return object("rbac.authorization.k8s.io/v1", kind, name, CONTROL_PLANE_NAMESPACE, Map.of(), Map.of());
    }

    /** The outbox connector, reading the database of the control plane. */
    static Map<String, Object> connector() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("class", OutboxRelayConfig.CONNECTOR_CLASS);
        // One task: a replication slot has one reader.
        spec.put("tasksMax", 1);
        Map<String, Object> config = new LinkedHashMap<>(connectorConfig(
                "jdbc:postgresql://opencloud-db." + CONTROL_PLANE_NAMESPACE + ":5432/opencloud",
                "${secrets:" + CONTROL_PLANE_NAMESPACE + "/" + CREDENTIALS + ":OPENCLOUD_DB_USERNAME}",
                "${secrets:" + CONTROL_PLANE_NAMESPACE + "/" + CREDENTIALS + ":OPENCLOUD_DB_PASSWORD}"));
        // As the control plane's own connection (knative/overlays/prod): across the cluster, over TLS.
        config.put("database.sslmode", "require");
        spec.put("config", config);
        return resource("KafkaConnector", CONNECTOR, Map.of("strimzi.io/cluster", CONNECT_CLUSTER), Map.of(), spec);
    }

    /** The connector's configuration for a database, with the given credentials (or references to them). */
    static Map<String, String> connectorConfig(String jdbcUrl, String username, String password) {
        return new OutboxRelayConfig("unused", jdbcUrl, username, password, OutboxRelayConfig.DEFAULT_SLOT)
                .connectConfig();
    }

    private static Map<String, Object> plugin(String name, String type, String url) {
        Map<String, Object> artifact = new LinkedHashMap<>();
        artifact.put("type", type);
        artifact.put("url", url);
        Map<String, Object> plugin = new LinkedHashMap<>();
        plugin.put("name", name);
        plugin.put("artifacts", List.of(artifact));
        return plugin;
    }

    private static Map<String, Object> resource(String kind, String name, Map<String, Object> labels,
                                                Map<String, Object> annotations, Map<String, Object> spec) {
        Map<String, Object> resource = object("kafka.strimzi.io/v1", kind, name, NAMESPACE, labels, annotations);
        resource.put("spec", spec);
        return resource;
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, String namespace,
                                              Map<String, Object> labels, Map<String, Object> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        Map<String, Object> allLabels = new LinkedHashMap<>();
        allLabels.put("app.kubernetes.io/part-of", "opencloud");
        allLabels.putAll(labels);
        metadata.put("labels", allLabels);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", new LinkedHashMap<>(annotations));
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", apiVersion);
        resource.put("kind", kind);
        resource.put("metadata", metadata);
        return resource;
    }
}
