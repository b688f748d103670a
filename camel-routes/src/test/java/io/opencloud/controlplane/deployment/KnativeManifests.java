package io.opencloud.controlplane.deployment;

import static io.opencloud.infra.deployment.Manifests.ordered;

import io.opencloud.events.Operation;
import io.opencloud.events.Phase;
import io.opencloud.events.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the base of {@code knative/} from the one list of operations and the control plane's settings, so that a
 * function added to {@link Operation} gets its Service and its Triggers without anyone remembering to: one Service
 * per function, a Trigger per command type to it, a Trigger per reply type to the KafkaSink of its domain's events
 * topic, the Broker and the source of the commands topics.
 */
final class KnativeManifests {

    static final String BROKER = "opencloud";
    static final String CONTROL_PLANE = "control-plane";
    static final String ENDPOINTS_CONFIG = "opencloud-endpoints";
    static final String CREDENTIALS_SECRET = "opencloud-credentials";
    static final String SECRETS_KEY_SECRET = "opencloud-secrets-key";
    static final String WORK_VOLUME_CLAIM = "opencloud-work";
    static final String BROKER_DEAD_LETTERS = "opencloud-broker-dlq";
    static final String FUNCTIONS_IMAGE = "opencloud-functions";
    static final String CONTROL_PLANE_IMAGE = "opencloud-control-plane";
    /** Topic of the events the Broker could not deliver. */
    static final String BROKER_DLQ_TOPIC = Topics.deadLetter("opencloud.broker");

    /** Domains whose functions run external programs on files that must outlive a replica (Terraform state, disks). */
    private static final Set<String> STATEFUL_DOMAINS = Set.of("terraform", "provision", "compute");
    /** Domains whose functions answer at once; the others copy images, run Terraform or convert rasters. */
    private static final Set<String> QUICK_DOMAINS = Set.of("macaroon", "demo");
    private static final String SECRETS_KEY_DIR = "/var/run/opencloud/keys";
    private static final String WORK_DIR = "/var/lib/opencloud";

    private final ControlPlaneSettings settings;

    KnativeManifests(ControlPlaneSettings settings) {
        this.settings = settings;
    }

    /** The files of {@code knative/base}, by name, each a list of resources. */
    Map<String, List<Map<String, Object>>> files() {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        files.put("config.yaml", List.of(endpointsConfig()));
        files.put("broker.yaml", List.of(brokerConfig(), broker(), kafkaSink(BROKER_DEAD_LETTERS, BROKER_DLQ_TOPIC)));
        files.put("control-plane.yaml", List.of(controlPlane()));
        List<Map<String, Object>> functions = new ArrayList<>();
        List<Map<String, Object>> triggers = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            functions.add(functionService(operation));
            triggers.add(trigger(serviceName(operation), operation.requestedType(), serviceRef(serviceName(operation))));
        }
        List<Map<String, Object>> replies = new ArrayList<>();
        for (String domain : Operation.domains()) {
            replies.add(kafkaSink(eventsSink(domain), Topics.events(domain)));
        }
        for (Operation operation : Operation.values()) {
            for (Phase phase : List.of(Phase.COMPLETED, Phase.FAILED)) {
                replies.add(trigger(serviceName(operation) + "-" + phase.name().toLowerCase(Locale.ROOT),
                        operation.type(phase), sinkRef(eventsSink(operation.domain()))));
            }
        }
        files.put("functions.yaml", functions);
        files.put("command-triggers.yaml", triggers);
        files.put("reply-triggers.yaml", replies);
        List<Map<String, Object>> sources = new ArrayList<>();
        // opencloud.ingress and the cron schedules are the control plane's own to read and fire: an event a Knative
        // source posted to it would carry no access token.
        sources.add(commandsSource());
        files.put("sources.yaml", sources);
        return files;
    }

    /** The Knative Service of an operation's function, named after it in kebab case ({@code issue-macaroon}). */
    static String serviceName(Operation operation) {
        return operation.functionName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String eventsSink(String domain) {
        return "opencloud-" + domain + "-events";
    }

    private Map<String, Object> endpointsConfig() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("SPRING_PROFILES_ACTIVE", "distributed");
        data.put("OPENCLOUD_KAFKA_BOOTSTRAP", "opencloud-kafka-bootstrap.kafka:9092");
        data.put("OPENCLOUD_DB_URL", "jdbc:postgresql://opencloud-db.opencloud:5432/opencloud");
        data.put("OPENCLOUD_S3_ENDPOINT", "http://minio.minio:9000");
        data.put("OPENCLOUD_S3_BUCKET", "opencloud");
        data.put("OPENCLOUD_SECRETS_KEY_FILE", SECRETS_KEY_DIR + "/secrets.key");
        data.put("OPENCLOUD_DATA_DIR", WORK_DIR);
        return resource("v1", "ConfigMap", ENDPOINTS_CONFIG, Map.of(), Map.of("data", data));
    }

    private Map<String, Object> brokerConfig() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bootstrap.servers", "opencloud-kafka-bootstrap.kafka:9092");
        data.put("default.topic.partitions", "6");
        data.put("default.topic.replication.factor", "3");
        return resource("v1", "ConfigMap", "opencloud-broker-config", Map.of(), Map.of("data", data));
    }

    private Map<String, Object> broker() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("config", ordered("apiVersion", "v1", "kind", "ConfigMap", "name", "opencloud-broker-config"));
        spec.put("delivery", delivery(sinkRef(BROKER_DEAD_LETTERS), 5));
        return resource("eventing.knative.dev/v1", "Broker", BROKER,
                Map.of("eventing.knative.dev/broker.class", "Kafka"), Map.of("spec", spec));
    }

    private static Map<String, Object> delivery(Map<String, Object> deadLetterSink, int retries) {
        return ordered("deadLetterSink", deadLetterSink, "retry", retries, "backoffPolicy", "exponential",
                "backoffDelay", "PT0.5S");
    }

    private static Map<String, Object> kafkaSink(String name, String topic) {
        return resource("eventing.knative.dev/v1alpha1", "KafkaSink", name, Map.of(), Map.of("spec",
                ordered("topic", topic, "bootstrapServers", List.of("opencloud-kafka-bootstrap.kafka:9092"),
                        "contentMode", "binary")));
    }

    private Map<String, Object> controlPlane() {
        Map<String, Object> annotations = ordered(
                // Sagas, the Kafka consumers and the HTTP API must be there when no request comes: never scale to 0.
                "autoscaling.knative.dev/min-scale", "1",
                "autoscaling.knative.dev/max-scale", "1");
        Map<String, Object> container = container("control-plane", CONTROL_PLANE_IMAGE, List.of(),
                ordered("requests", ordered("cpu", "1", "memory", "2Gi"), "limits", ordered("memory", "4Gi")),
                false);
        return knativeService(CONTROL_PLANE, "control-plane", annotations, container, 0, 300, false);
    }

    private Map<String, Object> functionService(Operation operation) {
        int concurrency = settings.concurrencyOf(operation.domain());
        boolean heavy = concurrency > 1;
        Map<String, Object> annotations = ordered(
                "autoscaling.knative.dev/min-scale", "0",
                "autoscaling.knative.dev/max-scale", heavy ? "4" : "10",
                // Scaling to zero is what the AOT cache in the image is for: a first reply in about 1 s.
                "autoscaling.knative.dev/scale-to-zero-pod-retention-period", "5m");
        Map<String, Object> resources = heavy
                ? ordered("requests", ordered("cpu", "500m", "memory", "768Mi"), "limits", ordered("memory", "1536Mi"))
                : ordered("requests", ordered("cpu", "250m", "memory", "384Mi"), "limits", ordered("memory", "768Mi"));
        boolean stateful = STATEFUL_DOMAINS.contains(operation.domain());
        Map<String, Object> container = container("function", FUNCTIONS_IMAGE,
                List.of(ordered("name", "SPRING_CLOUD_FUNCTION_DEFINITION", "value", operation.functionName())),
                resources, stateful);
        // Knative's own limit (max-revision-timeout-seconds) is 600 s unless raised: a longer run is cut with a 504.
        int timeoutSeconds = QUICK_DOMAINS.contains(operation.domain()) ? 60 : 600;
        Map<String, Object> service = knativeService(serviceName(operation), "function", annotations, container,
                heavy ? concurrency : 20, timeoutSeconds, stateful);
        labels(service).put("opencloud.io/domain", operation.domain());
        // A function host checks no token: only the Broker inside the cluster may reach it, never a public route.
        labels(service).put("networking.knative.dev/visibility", "cluster-local");
        return service;
    }

    private static Map<String, Object> container(String name, String image, List<Map<String, Object>> env,
                                                 Map<String, Object> resources, boolean stateful) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", image);
        container.put("ports", List.of(ordered("name", "http1", "containerPort", 8080)));
        if (!env.isEmpty()) {
            container.put("env", env);
        }
        container.put("envFrom", List.of(ordered("configMapRef", ordered("name", ENDPOINTS_CONFIG)),
                ordered("secretRef", ordered("name", CREDENTIALS_SECRET))));
        container.put("readinessProbe", ordered("httpGet", ordered("path", "/actuator/health/readiness"),
                "periodSeconds", 1, "failureThreshold", 30));
        container.put("livenessProbe", ordered("httpGet", ordered("path", "/actuator/health/liveness"),
                "initialDelaySeconds", 10, "periodSeconds", 10));
        container.put("resources", resources);
        List<Map<String, Object>> mounts = new ArrayList<>();
        mounts.add(ordered("name", "secrets-key", "mountPath", SECRETS_KEY_DIR, "readOnly", true));
        if (stateful) {
            mounts.add(ordered("name", "work", "mountPath", WORK_DIR));
        }
        container.put("volumeMounts", mounts);
        return container;
    }

    private static Map<String, Object> knativeService(String name, String component, Map<String, Object> annotations,
                                                      Map<String, Object> container, int containerConcurrency,
                                                      int timeoutSeconds, boolean stateful) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        volumes.add(ordered("name", "secrets-key", "secret", ordered("secretName", SECRETS_KEY_SECRET)));
        if (stateful) {
            volumes.add(ordered("name", "work", "persistentVolumeClaim", ordered("claimName", WORK_VOLUME_CLAIM)));
        }
        Map<String, Object> podSpec = new LinkedHashMap<>();
        podSpec.put("containerConcurrency", containerConcurrency);
        podSpec.put("timeoutSeconds", timeoutSeconds);
        podSpec.put("containers", List.of(container));
        podSpec.put("volumes", volumes);
        Map<String, Object> template = ordered("metadata", ordered("annotations", annotations), "spec", podSpec);
        Map<String, Object> service = resource("serving.knative.dev/v1", "Service", name, Map.of(),
                Map.of("spec", ordered("template", template)));
        labels(service).put("app.kubernetes.io/component", component);
        return service;
    }

    private static Map<String, Object> trigger(String name, String type, Map<String, Object> subscriber) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("broker", BROKER);
        spec.put("filter", ordered("attributes", ordered("type", type)));
        spec.put("subscriber", subscriber);
        return resource("eventing.knative.dev/v1", "Trigger", name, Map.of(), Map.of("spec", spec));
    }

    private Map<String, Object> commandsSource() {
        List<String> topics = Operation.domains().stream().map(Topics::commands).toList();
        // From the earliest offset when the group is new: commands written before the first deployment still count.
        Map<String, Object> spec = ordered("consumerGroup", "opencloud-knative-commands",
                "bootstrapServers", List.of("opencloud-kafka-bootstrap.kafka:9092"), "topics", topics,
                "initialOffset", "earliest",
                "sink", ordered("ref", ordered("apiVersion", "eventing.knative.dev/v1", "kind", "Broker",
                        "name", BROKER)));
        return resource("sources.knative.dev/v1beta1", "KafkaSource", "opencloud-commands", Map.of(),
                Map.of("spec", spec));
    }

    private static Map<String, Object> serviceRef(String name) {
        return ordered("ref", ordered("apiVersion", "serving.knative.dev/v1", "kind", "Service", "name", name));
    }

    private static Map<String, Object> sinkRef(String name) {
        return ordered("ref", ordered("apiVersion", "eventing.knative.dev/v1alpha1", "kind", "KafkaSink",
                "name", name));
    }

    private static Map<String, Object> resource(String apiVersion, String kind, String name,
                                                Map<String, Object> annotations, Map<String, Object> body) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", ordered("app.kubernetes.io/part-of", "opencloud"));
        if (!annotations.isEmpty()) {
            metadata.put("annotations", new LinkedHashMap<>(annotations));
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", apiVersion);
        resource.put("kind", kind);
        resource.put("metadata", metadata);
        resource.putAll(body);
        return resource;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> labels(Map<String, Object> resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource.get("metadata")).get("labels");
    }
}
