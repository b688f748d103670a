package io.opencloud.infra.image;

import io.opencloud.events.Operation;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The training run of an image's AOT cache (JDK 25, JEP 483 and 515): starts the image's program inside its own
 * root file system (so with the image's JRE and at the image's paths, which the cache checks), on a real broker,
 * database and S3 server, sends it the requests it serves, stops it with SIGTERM, and keeps the cache the JVM
 * writes on exit. The build then adds it to the image with {@code -XX:AOTCache}.
 *
 * <p>{@code AotTraining <image tar> <output directory> function|control-plane}: the cache goes to
 * {@code <output directory>/app/aot/app.aot}.
 */
public final class AotTraining {

    /** Where the cache is in the images. */
    public static final String CACHE = "/app/aot/app.aot";
    private static final String TRAINED = "/tmp/app.aot";
    private static final Duration START = Duration.ofMinutes(3);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private AotTraining() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            train(Path.of(args[0]), Path.of(args[1]), args[2].equals("function"));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // The shared runtime's servers keep threads of their own: end the JVM whatever happened.
        System.exit(status);
    }

    private static void train(Path tar, Path output, boolean function) throws Exception {
        long t0 = System.nanoTime();
        Path work = Files.createTempDirectory("aot-training");
        try {
            ImageTar image = ImageTar.unpack(tar, work.resolve("root"));
            SharedTestRuntime.dataSource();
            RuntimeEndpoints endpoints = SharedTestRuntime.endpoints();
            String adminSecret = UUID.randomUUID().toString();
            Map<String, String> environment = function
                    ? Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", Arrays.stream(Operation.values())
                            .map(Operation::functionName).collect(Collectors.joining(";")))
                    : Map.of("OPENCLOUD_ADMIN_CLIENT_SECRET", adminSecret);
            try (ImageProcess program = ImageProcess.start(image, endpoints, environment,
                    List.of("-XX:AOTCacheOutput=" + TRAINED), List.of())) {
                program.awaitReady(START);
                for (HttpRequest request : function ? functionRequests(program.base())
                        : controlPlaneRequests(program.base(), token(program.base(), adminSecret))) {
                    program.timeToFirst200(request, Duration.ofSeconds(30));
                }
                int exit = program.stop(Duration.ofMinutes(2));
                Path cache = image.root().resolve(TRAINED.substring(1));
                if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                    throw new IllegalStateException("the training run (exit " + exit + ") wrote no AOT cache:\n"
                            + program.output());
                }
                Path target = output.resolve(CACHE.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(cache, target, StandardCopyOption.REPLACE_EXISTING);
                System.out.printf("AOT cache of %s: %d MB, trained in %d s%n", tar.getFileName(),
                        Files.size(target) >> 20, (System.nanoTime() - t0) / 1_000_000_000L);
            }
        } finally {
            ImageTar.delete(work);
        }
    }

    /** A command of the demonstration function: it reads and writes the database, like every function. */
    private static List<HttpRequest> functionRequests(URI base) {
        return List.of(HttpRequest.newBuilder(base.resolve("/"))
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/opencloud/aot-training").header("ce-type", Operation.RUN_DEMO_STEP.requestedType())
                .header("ce-sagaid", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"training\"}")).build());
    }

    /** The saga list and health: the HTTP API, the database and the routes, without starting any work. */
    private static List<HttpRequest> controlPlaneRequests(URI base, String token) {
        return List.of(HttpRequest.newBuilder(base.resolve("/sagas")).header("Authorization", "Bearer " + token).build(),
                HttpRequest.newBuilder(base.resolve("/actuator/health")).build());
    }

    /**
     * An access token of the first administrator, whose secret the training run gave the program: the token request
     * trains the authorization server too. Sent until it is answered, as the program may still be starting.
     */
    private static String token(URI base, String adminSecret) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // The client the control plane's first start makes for its administrator (FirstAdministrator).
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("opencloud-admin:"
                        + adminSecret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        long deadline = System.nanoTime() + START.toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher token = ACCESS_TOKEN.matcher(answer.body());
                if (answer.statusCode() == 200 && token.find()) {
                    return token.group(1);
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the control plane gave its administrator no token within " + START);
    }
}
