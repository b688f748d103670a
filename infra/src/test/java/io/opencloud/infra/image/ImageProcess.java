package io.opencloud.infra.image;

import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.embedded.Ports;
import io.opencloud.infra.test.SharedTestRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program of an unpacked image started on the backing services of the test runtime, with the image's own entry
 * point (less the flags the caller removes, plus those it adds), listening on a port of its own.
 */
public final class ImageProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final URI base;
    private final Path log;
    private final long startedNanos;

    private ImageProcess(Process process, URI base, Path log, long startedNanos) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * @param jvmFlags     flags put right after {@code java}
     * @param withoutFlags flags of the image's entry point to leave out (such as its {@code -XX:AOTCache})
     */
    public static ImageProcess start(ImageTar image, RuntimeEndpoints endpoints, Map<String, String> environment,
                                     List<String> jvmFlags, List<String> withoutFlags) throws IOException {
        int port = Ports.anyFree();
        Map<String, String> env = new LinkedHashMap<>();
        // As a container gets them: opencloud.db.url becomes OPENCLOUD_DB_URL.
        SharedTestRuntime.springProperties(endpoints).forEach((name, value) -> env.put(
                name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), String.valueOf(value)));
        env.put("OPENCLOUD_DATA_DIR", "/tmp/opencloud");
        env.put("PORT", Integer.toString(port));
        env.put("SERVER_PORT", Integer.toString(port));
        env.putAll(environment);
        List<String> command = new ArrayList<>(image.entrypoint());
        command.removeAll(withoutFlags);
        command.addAll(1, jvmFlags);
        Path log = Files.createTempFile("image-process", ".log");
        long started = System.nanoTime();
        Process process = Container.start(image, command, env, log);
        return new ImageProcess(process, URI.create("http://127.0.0.1:" + port), log, started);
    }

    public URI base() {
        return base;
    }

    /** Waits until readiness answers 200; fails with the program's output if it dies or takes too long. */
    public void awaitReady(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the image's program ended with " + process.exitValue() + ":\n"
                        + output());
            }
            if (status(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build()) == 200) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within " + within + ":\n" + output());
    }

    /**
     * Sends the request again and again until it is answered 200, and returns the time from the start of the
     * process to that answer.
     */
    public Duration timeToFirst200(HttpRequest request, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the image's program ended:\n" + output());
            }
            if (status(request) == 200) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no 200 within " + within + ":\n" + output());
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops the program as Kubernetes does, with SIGTERM, and waits for it to end. */
    public int stop(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not stop within " + within + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        Files.deleteIfExists(log);
    }

    private static int status(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
