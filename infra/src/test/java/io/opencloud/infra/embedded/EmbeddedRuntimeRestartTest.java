package io.opencloud.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.opencloud.infra.config.OpenCloudProperties;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.s3.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded runtime starts real services, and what they hold survives a stop and a start on the same folder. */
class EmbeddedRuntimeRestartTest {

    @TempDir
    Path dataDir;

    private OpenCloudProperties properties() {
        return new OpenCloudProperties(dataDir, new OpenCloudProperties.Kafka(null, 0, 0, 1),
                new OpenCloudProperties.Db(null, "u", "p", 0),
                new OpenCloudProperties.S3(null, "opencloud", "opencloud-secret", 0, "restart-test"));
    }

    @Test
    void kafkaPostgresAndS3KeepTheirDataAcrossARestart() throws Exception {
        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(properties())) {
            RuntimeEndpoints e = runtime.endpoints();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrap()))) {
                admin.createTopics(List.of(new NewTopic("restart.test", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrap()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart.test", "k", "before restart")).get();
            }
            try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.dbUsername(), e.dbPassword());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('before restart')");
                try (ResultSet rs = s.executeQuery("SHOW wal_level")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("logical");
                }
            }
            MinioClient s3 = ObjectStore.connect(e);
            byte[] bytes = "before restart".getBytes(StandardCharsets.UTF_8);
            s3.putObject(PutObjectArgs.builder().bucket(e.s3Bucket()).object("kept.txt")
                    .stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L).build());
        }

        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(properties())) {
            RuntimeEndpoints e = runtime.endpoints();
            assertThat(readAll(e.kafkaBootstrap(), "restart.test")).containsExactly("before restart");
            try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.dbUsername(), e.dbPassword());
                 ResultSet rs = c.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before restart");
            }
            try (InputStream in = ObjectStore.connect(e).getObject(
                    GetObjectArgs.builder().bucket(e.s3Bucket()).object("kept.txt").build())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("before restart");
            }
        }
    }

    @Test
    void aSecondRuntimeOnTheSameDataDirectoryIsRefusedClearly() throws Exception {
        try (EmbeddedRuntime ignored = EmbeddedRuntime.start(properties())) {
            assertThatThrownBy(() -> EmbeddedRuntime.start(properties()))
                    .hasMessageContaining(dataDir.toString())
                    .hasMessageContaining("in use by another running control plane");
        }
    }

    @Test
    void aPostgresLeftRunningByACrashedControlPlaneIsStoppedAndItsDataKept() throws Exception {
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingPostgresOwner.class.getName(),
                dataDir.resolve("postgres").toString()).inheritIO().start();
        assertThat(crashed.waitFor()).isZero();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("the crash left PostgreSQL running").exists();

        try (EmbeddedRuntime runtime = EmbeddedRuntime.start(properties())) {
            RuntimeEndpoints e = runtime.endpoints();
            try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.dbUsername(), e.dbPassword());
                 ResultSet rs = c.createStatement().executeQuery("SELECT v FROM survived")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("written before the crash");
            }
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
