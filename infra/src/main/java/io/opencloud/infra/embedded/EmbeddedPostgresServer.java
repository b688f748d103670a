package io.opencloud.infra.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A private PostgreSQL cluster under the data directory, with logical decoding enabled for Debezium.
 *
 * <p>The binaries come from Maven (zonky), so every machine runs the same major version against the same data
 * directory, and the launcher starts it for a normal user as for root.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "opencloud";
    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_wal_senders", "10")
                .setServerConfig("max_replication_slots", "10")
                // Durability is the point of the outbox; turning it off also adds CDC delay (DESIGN.md).
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                // The control plane stops it last, after the routes that use it; a JVM hook of its own stopped it
                // first, and Ctrl-C then waited 45 s for a saga timer stuck on the vanished database.
                .setRegisterShutdownHook(false)
                .start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres);
        server.createDatabaseOnce();
        return server;
    }

    private void createDatabaseOnce() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(SUPERUSER, DATABASE).replaceFirst("\\?user=.*$", "");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
