package io.opencloud.infra.deployment;

import static io.opencloud.infra.deployment.Manifests.ordered;

import io.opencloud.events.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code infra/compose.yaml}: the deployment on one host with Docker Compose. Kafka, PostgreSQL (logical
 * decoding on), MinIO, Kafka Connect with Debezium and the outbox connector, the control plane, and one function
 * host per domain serving all of its functions. With no Knative there, the control plane itself consumes the
 * commands and posts each to its domain's function host ({@code OPENCLOUD_FUNCTIONS_URLS_<DOMAIN>}), reads
 * {@code opencloud.ingress} and fires the schedules.
 */
final class ComposeFile {

    static final String VERSION = "0.1.0-SNAPSHOT";
    private static final String DB_PASSWORD = "${OPENCLOUD_DB_PASSWORD:-opencloud}";
    private static final String S3_SECRET = "${OPENCLOUD_S3_SECRET_KEY:-opencloud-secret}";

    private ComposeFile() {
    }

    static Map<String, Object> compose() {
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("kafka", kafka());
        services.put("postgres", postgres());
        services.put("minio", minio());
        services.put("connect", connect());
        services.put("connect-init", connectInit());
        services.put("control-plane", controlPlane());
        for (String domain : Operation.domains()) {
            services.put(functionService(domain), functions(domain));
        }
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("name", "opencloud");
        compose.put("services", services);
        compose.put("volumes", ordered("kafka", Map.of(), "postgres", Map.of(), "minio", Map.of(), "work", Map.of()));
        return compose;
    }

    /** The service of a domain's function host, such as {@code functions-macaroon}. */
    static String functionService(String domain) {
        return "functions-" + domain;
    }

    /** The functions a domain's host serves, as {@code SPRING_CLOUD_FUNCTION_DEFINITION} lists them. */
    static String definition(String domain) {
        return Arrays.stream(Operation.values()).filter(o -> o.domain().equals(domain))
                .map(Operation::functionName).collect(Collectors.joining(";"));
    }

    private static Map<String, Object> kafka() {
        Map<String, Object> env = new LinkedHashMap<>();
        // Fixed, so that the broker formats its log directory once and keeps it across restarts.
        env.put("CLUSTER_ID", "b3BlbmNsb3VkLWNvbXBvc2U");
        env.put("KAFKA_LOG_DIRS", "/var/lib/kafka/data");
        env.put("KAFKA_NODE_ID", "1");
        env.put("KAFKA_PROCESS_ROLES", "broker,controller");
        env.put("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093");
        env.put("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092");
        env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093");
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1");
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        // As root: a new named volume belongs to root, and the image's own user could not write its log there.
        return ordered("image", "apache/kafka:4.1.0", "user", "0:0", "environment", env,
                "volumes", List.of("kafka:/var/lib/kafka/data"),
                "healthcheck", health(List.of("CMD-SHELL",
                        "/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 >/dev/null")));
    }

    private static Map<String, Object> postgres() {
        return ordered("image", "postgres:15",
                // Debezium reads the outbox from the write-ahead log.
                "command", List.of("postgres", "-c", "wal_level=logical"),
                "environment", ordered("POSTGRES_DB", "opencloud", "POSTGRES_USER", "opencloud",
                        "POSTGRES_PASSWORD", DB_PASSWORD),
                "volumes", List.of("postgres:/var/lib/postgresql/data"),
                "healthcheck", health(List.of("CMD-SHELL", "pg_isready -U opencloud -d opencloud")));
    }

    private static Map<String, Object> minio() {
        return ordered("image", "minio/minio:RELEASE.2025-04-22T22-12-26Z",
                "command", List.of("server", "/data"),
                "environment", ordered("MINIO_ROOT_USER", "opencloud", "MINIO_ROOT_PASSWORD", S3_SECRET),
                "volumes", List.of("minio:/data"),
                "healthcheck", health(List.of("CMD", "mc", "ready", "local")));
    }

    private static Map<String, Object> connect() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("BOOTSTRAP_SERVERS", "kafka:9092");
        env.put("GROUP_ID", "opencloud-connect");
        env.put("CONFIG_STORAGE_TOPIC", "opencloud-connect-configs");
        env.put("OFFSET_STORAGE_TOPIC", "opencloud-connect-offsets");
        env.put("STATUS_STORAGE_TOPIC", "opencloud-connect-status");
        // The connector takes the database credentials from this environment (${env:...} in its configuration).
        env.put("CONNECT_CONFIG_PROVIDERS", "env");
        env.put("CONNECT_CONFIG_PROVIDERS_ENV_CLASS", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        env.put("OPENCLOUD_DB_USERNAME", "opencloud");
        env.put("OPENCLOUD_DB_PASSWORD", DB_PASSWORD);
        return ordered("image", "quay.io/debezium/connect:3.6",
                "environment", env,
                // The outbox connector's own transformation, built by ./mvnw package.
                "volumes", List.of("./target/infra-" + VERSION + "-connect.jar:/kafka/connect/opencloud-outbox/"
                        + "opencloud-outbox.jar:ro"),
                "depends_on", ordered("kafka", ordered("condition", "service_healthy")),
                "healthcheck", health(List.of("CMD-SHELL", "curl -fs http://localhost:8083/connectors >/dev/null")));
    }

    private static Map<String, Object> connectInit() {
        return ordered("image", "curlimages/curl:8.11.1",
                // After the control plane, whose start-up creates the outbox table the connector reads.
                "depends_on", ordered("connect", ordered("condition", "service_healthy"),
                        "control-plane", ordered("condition", "service_healthy")),
                "volumes", List.of("./compose/outbox-connector.json:/outbox-connector.json:ro"),
                "command", List.of("-fsS", "-X", "PUT", "-H", "Content-Type: application/json",
                        "--data", "@/outbox-connector.json",
                        "http://connect:8083/connectors/opencloud-outbox/config"),
                "restart", "on-failure");
    }

    private static Map<String, Object> controlPlane() {
        Map<String, Object> env = endpoints();
        // Nothing in-process, and Debezium runs on Kafka Connect; the rest as on the embedded default.
        env.put("OPENCLOUD_SERVICES_EMBEDDED", "false");
        env.put("OPENCLOUD_OUTBOX_RELAY_ENABLED", "false");
        // Requests from the host arrive through Docker's bridge, not the loopback: the administrative APIs need it.
        env.put("OPENCLOUD_ADMIN_CLIENT_SECRET", "${OPENCLOUD_ADMIN_CLIENT_SECRET:-}");
        env.put("OPENCLOUD_SERVICE_CLIENT_SECRET", "${OPENCLOUD_SERVICE_CLIENT_SECRET:-}");
        for (String domain : Operation.domains()) {
            env.put("OPENCLOUD_FUNCTIONS_URLS_" + domain.toUpperCase(Locale.ROOT),
                    "http://" + functionService(domain) + ":8080/");
        }
        // After the function hosts: the control plane posts commands to them as soon as it runs.
        List<String> dependencies = new ArrayList<>(List.of("kafka", "postgres", "minio"));
        Operation.domains().forEach(domain -> dependencies.add(functionService(domain)));
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        dependencies.forEach(d -> dependsOn.put(d, ordered("condition", "service_healthy")));
        return ordered("image", "opencloud-control-plane:" + VERSION,
                "environment", env,
                "ports", List.of("8080:8080"),
                // The data directory the function hosts share: the key that seals stored secrets is in it.
                "volumes", List.of("work:/var/lib/opencloud"),
                "depends_on", dependsOn,
                "healthcheck", probe());
    }

    private static Map<String, Object> functions(String domain) {
        Map<String, Object> env = endpoints();
        env.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition(domain));
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        for (String service : List.of("kafka", "postgres", "minio")) {
            dependsOn.put(service, ordered("condition", "service_healthy"));
        }
        return ordered("image", "opencloud-functions:" + VERSION,
                "environment", env,
                "volumes", List.of("work:/var/lib/opencloud"),
                "depends_on", dependsOn,
                "healthcheck", probe());
    }

    private static Map<String, Object> endpoints() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("OPENCLOUD_KAFKA_BOOTSTRAP", "kafka:9092");
        env.put("OPENCLOUD_DB_URL", "jdbc:postgresql://postgres:5432/opencloud");
        env.put("OPENCLOUD_DB_USERNAME", "opencloud");
        env.put("OPENCLOUD_DB_PASSWORD", DB_PASSWORD);
        env.put("OPENCLOUD_S3_ENDPOINT", "http://minio:9000");
        env.put("OPENCLOUD_S3_ACCESS_KEY", "opencloud");
        env.put("OPENCLOUD_S3_SECRET_KEY", S3_SECRET);
        env.put("OPENCLOUD_DATA_DIR", "/var/lib/opencloud");
        return env;
    }

    /** The images have a JVM but no shell or curl: the probe is a Java program of theirs. */
    private static Map<String, Object> probe() {
        return health(List.of("CMD", "java", "-cp", "@/app/jib-classpath-file",
                "io.opencloud.functions.web.ReadinessProbe"));
    }

    private static Map<String, Object> health(List<String> test) {
        return ordered("test", test, "interval", "5s", "timeout", "5s", "retries", 30);
    }
}
