package io.opencloud.controlplane.functions;

import io.cloudevents.CloudEvent;
import io.opencloud.events.Operation;
import io.opencloud.events.envelope.Decoded;
import io.opencloud.functions.hosting.CommandAnswers;
import io.opencloud.functions.web.HttpCloudEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers a command with a function host over HTTP ({@code FunctionHostApplication} in a container of its own, as
 * the compose deployment runs it): posts the command in binary mode, as a Knative Trigger would, and reads the reply
 * from the answer. 202 means the function left the command unanswered; a 4xx answer (the host cannot read the
 * command or does not host its function) is a {@code failed} reply that retrying cannot change, except 408, 425 and
 * 429, which ask to try again later; anything else is thrown, for the route to retry.
 */
@Component
public class RemoteFunctions implements AutoCloseable {

    private static final Set<Integer> TRY_AGAIN = Set.of(408, 425, 429);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** As long as the longest function may take: a Terraform apply or a market copy runs for minutes. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final CommandAnswers answers;

    public RemoteFunctions(CommandAnswers answers) {
        this.answers = answers;
    }

    public Optional<CloudEvent> answer(URI host, Operation operation, CloudEvent command) {
        HttpRequest.Builder request = HttpRequest.newBuilder(host).timeout(ANSWER_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(command.getData() == null ? new byte[0]
                        : command.getData().toBytes()));
        HttpCloudEvents.binaryHeaders(command).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("function host " + host + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + host, e);
        }
        int status = response.statusCode();
        if (status == 202) {
            return Optional.empty();
        }
        if (status >= 400 && status < 500 && !TRY_AGAIN.contains(status)) {
            return Optional.of(answers.failed(command, operation, "function host " + host + " refused the command ("
                    + status + "): " + new String(response.body(), StandardCharsets.UTF_8), false));
        }
        if (status != 200) {
            throw new IllegalStateException("function host " + host + " answered " + status + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        Decoded reply = HttpCloudEvents.readBinary(headers(response.headers()),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
        if (reply instanceof Decoded.Rejected rejected) {
            throw new IllegalStateException("function host " + host + " answered no CloudEvent: " + rejected.reason());
        }
        return Optional.of(((Decoded.Accepted) reply).event());
    }

    @Override
    public void close() {
        http.close();
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> first = new HashMap<>();
        headers.map().forEach((name, values) -> first.put(name, values.getFirst()));
        return first;
    }
}
