package io.opencloud.controlplane;

import io.opencloud.infra.embedded.Ports;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One control plane of a test federation: its own data directory, HTTP port, broker, database and S3 server, and a
 * name and endpoint of its own. It can be stopped and started again on the same directory and port, as an operator
 * restarts one.
 */
final class FederatedPlane implements AutoCloseable {

    private final String name;
    private final Path dataDir;
    private final int port = Ports.anyFree();
    private final Http http = new Http(port);
    private ConfigurableApplicationContext context;

    private FederatedPlane(String name, Path dataDir) {
        this.name = name;
        this.dataDir = dataDir;
    }

    static FederatedPlane start(String name, Path dataDir) {
        FederatedPlane plane = new FederatedPlane(name, dataDir);
        plane.start();
        return plane;
    }

    void start() {
        context = SpringApplication.run(ControlPlaneApplication.class,
                "--opencloud.data-dir=" + dataDir, "--server.port=" + port, "--opencloud.kafka.port=0",
                "--opencloud.kafka.controller-port=0", "--opencloud.db.port=0", "--opencloud.s3.port=0",
                "--opencloud.node-id=" + name,
                "--opencloud.identity.name=" + name, "--opencloud.identity.endpoint=" + endpoint(),
                "--opencloud.federation.probe-interval=300ms", "--opencloud.federation.unreachable-after=2",
                "--opencloud.federation.delivery-interval=100ms", "--opencloud.federation.timeout=2s",
                "--opencloud.federation.give-up-after=10s",
                "--opencloud.auth.admin-client-secret=" + TestCredentials.ADMIN_SECRET,
                "--opencloud.auth.service-client-secret=" + TestCredentials.SERVICE_SECRET);
    }

    void stop() {
        context.close();
        context = null;
    }

    String name() {
        return name;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    Http http() {
        return http;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String peerId() {
        return Http.JSON.readTree(http.get("/federation/identity").body()).get("peerId").asString();
    }

    JsonNode getJson(String path) {
        return Http.JSON.readTree(http.get(path).body());
    }

    @Override
    public void close() {
        if (context != null) {
            stop();
        }
    }
}
