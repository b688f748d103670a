package io.opencloud.infra.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM: starts PostgreSQL on a data directory, writes a row, then halts without running shutdown
 * hooks, exactly as a control plane killed with SIGKILL would, leaving the server running.
 */
public final class CrashingPostgresOwner {

    private CrashingPostgresOwner() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), Ports.claim(0, "PostgreSQL", "test"));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgresServer.SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE survived (v text)");
            s.execute("INSERT INTO survived VALUES ('written before the crash')");
        }
        Runtime.getRuntime().halt(0);
    }
}
