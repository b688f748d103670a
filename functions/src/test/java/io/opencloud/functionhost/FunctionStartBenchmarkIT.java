package io.opencloud.functionhost;

import io.opencloud.infra.image.ImageProcess;
import io.opencloud.infra.image.ImageTar;
import io.opencloud.infra.test.SharedTestRuntime;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long a function takes, from the start of its process to its first reply to a CloudEvent, as after a scale from
 * zero: the built image started again and again with its AOT cache and without it, alternately. Prints the figures;
 * run it with {@code ./mvnw -Pbenchmark -pl functions -am verify}.
 */
@Tag("benchmark")
class FunctionStartBenchmarkIT {

    private static final int RUNS = 7;
    private static final String CACHE_FLAG = "-XX:AOTCache=/app/aot/app.aot";

    @Test
    void printsTheTimeToTheFirstReplyWithAndWithoutTheAotCache() throws Exception {
        SharedTestRuntime.dataSource();
        ImageTar image = ImageTar.unpack(FunctionImageIT.IMAGE, Files.createTempDirectory("function-image"));
        List<Long> cached = new ArrayList<>();
        List<Long> uncached = new ArrayList<>();
        try {
            for (int run = 0; run < RUNS; run++) {
                cached.add(firstReply(image, List.of()));
                uncached.add(firstReply(image, List.of(CACHE_FLAG)));
            }
        } finally {
            image.delete();
        }
        System.out.printf("%nTime from process start to the first reply (runDemoStep), %d runs each, ms:%n", RUNS);
        System.out.printf("  %-22s %s%n", "with the AOT cache", summary(cached));
        System.out.printf("  %-22s %s%n%n", "without it", summary(uncached));
    }

    private static long firstReply(ImageTar image, List<String> withoutFlags) throws Exception {
        try (ImageProcess function = ImageProcess.start(image, SharedTestRuntime.endpoints(),
                Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "runDemoStep"), List.of(), withoutFlags)) {
            HttpRequest command = HttpRequest.newBuilder(function.base().resolve("/"))
                    .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                    .header("ce-source", "/opencloud/benchmark").header("ce-type", "io.opencloud.demo.step.requested.v1")
                    .header("ce-sagaid", UUID.randomUUID().toString()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"step\":\"first\"}")).build();
            long millis = function.timeToFirst200(command, Duration.ofMinutes(2)).toMillis();
            function.stop(Duration.ofSeconds(60));
            return millis;
        }
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "median " + sorted.get(sorted.size() / 2) + ", min " + sorted.getFirst() + ", max " + sorted.getLast()
                + "  " + millis;
    }
}
