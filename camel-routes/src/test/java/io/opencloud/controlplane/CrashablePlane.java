package io.opencloud.controlplane;

import static org.awaitility.Awaitility.await;

import io.opencloud.infra.embedded.Ports;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A control plane in a process of its own, on the embedded default under one data directory and fixed free ports,
 * that the crash tests kill with SIGKILL and start again on the same directory.
 */
final class CrashablePlane {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

    private final Path dataDir;
    private final List<String> arguments;
    private final Map<String, String> ports = new LinkedHashMap<>();
    private Process process;
    private int generation;

    CrashablePlane(Path dataDir, String... arguments) throws IOException {
        this.dataDir = dataDir;
        this.arguments = List.of(arguments);
        for (String name : List.of("server.port", "opencloud.kafka.port", "opencloud.kafka.controller-port",
                "opencloud.db.port", "opencloud.s3.port")) {
            ports.put(name, String.valueOf(Ports.anyFree()));
        }
    }

    Http http() {
        return new Http(Integer.parseInt(ports.get("server.port")));
    }

    /** Where the embedded services keep their data; the S3 server's buckets are folders under {@code s3/}. */
    Path home() {
        return dataDir.resolve("plane");
    }

    /**
     * Posts a structured event until the control plane accepts it and returns the saga it started: between a kill
     * and its restart the control plane is down for a moment, and a sender retries, as any would.
     */
    String submit(String event) {
        String[] sagaId = new String[1];
        Http http = http();
        await().atMost(HEALTHY_WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> {
                    HttpResponse<String> response = http.postStructured(event);
                    if (response.statusCode() != 202) {
                        return false;
                    }
                    sagaId[0] = Http.JSON.readTree(response.body()).get("sagaId").asString();
                    return true;
                });
        return sagaId[0];
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), ControlPlaneApplication.class.getName(),
                "--opencloud.data-dir=" + home(), "--logging.level.root=WARN", "--logging.level.io.zonky=INFO"));
        ports.forEach((name, port) -> command.add("--" + name + "=" + port));
        TestCredentials.springProperties().forEach((name, value) -> command.add("--" + name + "=" + value));
        command.addAll(arguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("plane-" + generation++ + ".log").toFile())
                .start();
        Http http = http();
        await().atMost(HEALTHY_WITHIN).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.get("/actuator/health").statusCode() == 200);
    }

    void killAndRestart() throws Exception {
        process.destroyForcibly();
        process.waitFor();
        start();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.get("opencloud.db.port")
                + "/opencloud", "postgres", "");
    }

    int count(String sql) throws SQLException {
        try (Connection c = database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
