package io.opencloud.infra.test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.opencloud.infra.config.OpenCloudProperties;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.db.SchemaMigrations;
import io.opencloud.infra.embedded.EmbeddedRuntime;
import io.opencloud.infra.kafka.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One Kafka broker, one PostgreSQL and one S3 server for the whole test JVM: containers where a Docker engine
 * answers, the in-process embedded runtime otherwise, so the same tests run on a laptop with Docker and here.
 */
public final class SharedTestRuntime {

    private static final String S3_USER = "opencloud";
    private static final String S3_SECRET = "opencloud-secret";
    private static final String BUCKET = "opencloud";

    private static RuntimeEndpoints endpoints;
    private static DataSource dataSource;
    private static Path secretsKeyFile;

    private SharedTestRuntime() {
    }

    public static synchronized RuntimeEndpoints endpoints() {
        if (endpoints == null) {
            try {
                endpoints = dockerAvailable() ? startContainers() : startEmbedded();
                TopicProvisioner.ensureTopics(endpoints.kafkaBootstrap(), 1, (short) 1);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the shared test runtime", e);
            }
        }
        return endpoints;
    }

    /** A migrated data source on the shared database. */
    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            RuntimeEndpoints e = endpoints();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(e.jdbcUrl());
            config.setUsername(e.dbUsername());
            config.setPassword(e.dbPassword());
            config.setMaximumPoolSize(4);
            HikariDataSource ds = new HikariDataSource(config);
            SchemaMigrations.apply(ds);
            dataSource = ds;
        }
        return dataSource;
    }

    /** Spring properties that point a control plane at the shared services instead of starting its own. */
    public static Map<String, Object> springProperties() {
        return springProperties(endpoints());
    }

    /**
     * The key that seals secrets for every process of the test JVM on the shared database: what one seals (a root key,
     * a signing key, a provider's connection) the others must open, as the processes of one deployment share theirs.
     */
    public static synchronized Path secretsKeyFile() {
        if (secretsKeyFile == null) {
            try {
                secretsKeyFile = Files.createTempDirectory("opencloud-test-secrets").resolve("secrets.key");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secretsKeyFile;
    }

    /** Spring properties that point a control plane or a function host at these services. */
    public static Map<String, Object> springProperties(RuntimeEndpoints e) {
        return Map.of(
                "opencloud.secrets.key-file", secretsKeyFile().toString(),
                "opencloud.kafka.bootstrap", e.kafkaBootstrap(),
                "opencloud.db.url", e.jdbcUrl(),
                "opencloud.db.username", e.dbUsername(),
                "opencloud.db.password", e.dbPassword(),
                "opencloud.s3.endpoint", e.s3Endpoint(),
                "opencloud.s3.access-key", e.s3AccessKey(),
                "opencloud.s3.secret-key", e.s3SecretKey(),
                "opencloud.s3.bucket", e.s3Bucket());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static RuntimeEndpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");
        postgres.withCommand("postgres", "-c", "wal_level=logical", "-c", "fsync=off");
        MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2025-04-22T22-12-26Z")
                .withUserName(S3_USER).withPassword(S3_SECRET);
        Stream.of(kafka, postgres, minio).parallel().forEach(container -> container.start());
        return new RuntimeEndpoints(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword(), minio.getS3URL(), S3_USER, S3_SECRET, BUCKET);
    }

    private static RuntimeEndpoints startEmbedded() throws Exception {
        Path dir = Files.createTempDirectory("opencloud-test-");
        EmbeddedRuntime runtime = EmbeddedRuntime.start(new OpenCloudProperties(dir,
                new OpenCloudProperties.Kafka(null, 0, 0, 1),
                new OpenCloudProperties.Db(null, "opencloud", "opencloud", 0),
                new OpenCloudProperties.S3(null, S3_USER, S3_SECRET, 0, BUCKET)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            deleteRecursively(dir);
        }, "shared-test-runtime-stop"));
        return runtime.endpoints();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
