package io.opencloud.infra.embedded;

import io.opencloud.infra.config.OpenCloudProperties;
import io.opencloud.infra.config.RuntimeEndpoints;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts, in this JVM, each backing service that is not configured as external: the Kafka broker, PostgreSQL and
 * the S3 server, all under one data directory. Closing it stops them in reverse order and releases the directory.
 */
public final class EmbeddedRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private RuntimeEndpoints endpoints;

    private EmbeddedRuntime() {
    }

    /** Starts what the properties leave embedded; on any failure stops what had started and rethrows. */
    public static EmbeddedRuntime start(OpenCloudProperties properties) throws Exception {
        EmbeddedRuntime runtime = new EmbeddedRuntime();
        try {
            runtime.endpoints = runtime.launch(properties);
            return runtime;
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
    }

    private RuntimeEndpoints launch(OpenCloudProperties properties) throws Exception {
        OpenCloudProperties.Kafka kafka = properties.kafka();
        OpenCloudProperties.Db db = properties.db();
        OpenCloudProperties.S3 s3 = properties.s3();
        DataDirectory dataDir = null;
        if (kafka.embedded() || db.embedded() || s3.embedded()) {
            dataDir = DataDirectory.open(properties.dataDir());
            started.push(dataDir);
            log.info("Data directory: {}", dataDir.root());
        }

        String jdbcUrl = db.url();
        String dbUser = db.username();
        String dbPassword = db.password();
        if (db.embedded()) {
            long t0 = System.nanoTime();
            Path postgresDir = dataDir.folder("postgres");
            // We hold the directory's lock: a server still running on it was left by a control plane that died.
            OrphanedPostmaster.stopIfRunning(postgresDir);
            int port = Ports.claim(db.port(), "PostgreSQL", "opencloud.db.port (OPENCLOUD_DB_PORT)");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(postgresDir, port);
            started.push(postgres);
            jdbcUrl = postgres.jdbcUrl();
            dbUser = EmbeddedPostgresServer.SUPERUSER;
            dbPassword = "";
            log.info("Embedded PostgreSQL ready at {} (user {}) in {} ms", jdbcUrl, dbUser, millisSince(t0));
        }

        String bootstrap = kafka.bootstrap();
        if (kafka.embedded()) {
            long t0 = System.nanoTime();
            int port = Ports.claim(kafka.port(), "Kafka broker", "opencloud.kafka.port (OPENCLOUD_KAFKA_PORT)");
            int controllerPort = Ports.claim(kafka.controllerPort(), "Kafka controller",
                    "opencloud.kafka.controller-port (OPENCLOUD_KAFKA_CONTROLLER_PORT)");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir.folder("kafka"), port, controllerPort);
            started.push(broker);
            bootstrap = broker.bootstrap();
            log.info("Embedded Kafka broker (KRaft) ready at bootstrap {} in {} ms", bootstrap, millisSince(t0));
        }

        String s3Endpoint = s3.endpoint();
        if (s3.embedded()) {
            long t0 = System.nanoTime();
            int port = Ports.claim(s3.port(), "S3 server", "opencloud.s3.port (OPENCLOUD_S3_PORT)");
            EmbeddedS3Server server = EmbeddedS3Server.start(dataDir.folder("s3"), port, s3.accessKey(), s3.secretKey());
            started.push(server);
            s3Endpoint = server.endpoint();
            log.info("Embedded S3 server ready at {} (access key {}) in {} ms", s3Endpoint, s3.accessKey(),
                    millisSince(t0));
        }
        return new RuntimeEndpoints(bootstrap, jdbcUrl, dbUser, dbPassword, s3Endpoint, s3.accessKey(),
                s3.secretKey(), s3.bucket());
    }

    public RuntimeEndpoints endpoints() {
        return endpoints;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
