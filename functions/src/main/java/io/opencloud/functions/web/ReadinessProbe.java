package io.opencloud.functions.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A readiness check for container engines without HTTP probes of their own (Docker Compose): exits 0 when this
 * host's {@code /actuator/health/readiness} on {@code PORT} (8080 when unset) answers 200, 1 otherwise. The images
 * have no shell and no curl, only the JVM: {@code java -cp @/app/jib-classpath-file
 * io.opencloud.functions.web.ReadinessProbe}.
 */
public final class ReadinessProbe {

    private ReadinessProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/health/readiness")).timeout(Duration.ofSeconds(3)).build();
        try {
            int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
