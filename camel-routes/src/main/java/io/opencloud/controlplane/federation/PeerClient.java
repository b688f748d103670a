package io.opencloud.controlplane.federation;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.opencloud.events.Envelope;
import io.opencloud.events.FederationType;
import io.opencloud.functions.web.HttpCloudEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to peers over HTTP: reads a peer's card from {@code GET /federation/identity}, and posts it signed events in
 * binary mode to {@code POST /events}, signed at the moment they are sent so that a retry is never too old to be taken.
 */
@Component
@EnableConfigurationProperties(FederationProperties.class)
public class PeerClient implements AutoCloseable {

    /** The source of every event this control plane sends its peers. */
    public static final String SOURCE = "/opencloud/federation";
    private static final int MAX_ANSWER = 64 * 1024;

    private final Identities identities;
    private final JsonMapper json;
    private final FederationProperties properties;
    private final HttpClient http;

    public PeerClient(Identities identities, JsonMapper json, FederationProperties properties) {
        this.identities = identities;
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /**
     * The card a control plane shows at {@code endpoint}.
     *
     * @throws PeerUnavailableException when it does not answer with one
     */
    public PeerCard identity(String endpoint) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve(endpoint, "federation/identity"))
                .timeout(properties.timeout()).GET().build(), endpoint);
        if (response.statusCode() != 200) {
            throw new PeerUnavailableException(endpoint + " answered " + response.statusCode()
                    + " to GET /federation/identity: " + response.body());
        }
        try {
            return json.readValue(response.body(), PeerCard.class);
        } catch (RuntimeException e) {
            throw new PeerUnavailableException(endpoint + " did not answer with a control plane's card: " + e);
        }
    }

    /**
     * Signs and posts an event to a peer.
     *
     * @throws PeerUnavailableException when the peer cannot be reached
     */
    public PeerAnswer send(PeerCard peer, String id, FederationType type, String subject, byte[] data) {
        Identity self = identities.self();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignedContent content = new SignedContent(id, SOURCE, type.type(), subject, time, self.peerId(),
                peer.peerId(), data);
        CloudEventBuilder event = CloudEventBuilder.v1().withId(id).withSource(URI.create(SOURCE))
                .withType(type.type()).withTime(time.atOffset(ZoneOffset.UTC)).withDataContentType(Envelope.JSON)
                .withExtension(FederationType.SIGNER, self.peerId())
                .withExtension(FederationType.RECIPIENT, peer.peerId())
                .withExtension(FederationType.SIGNATURE, Ed25519.sign(identities.signingKey(), content))
                .withData(data);
        if (subject != null) {
            event.withSubject(subject);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(peer.endpoint(), "events"))
                .timeout(properties.timeout()).POST(HttpRequest.BodyPublishers.ofByteArray(data));
        HttpCloudEvents.binaryHeaders(event.build())
                .forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        HttpResponse<String> response = send(request.build(), peer.endpoint());
        return new PeerAnswer(response.statusCode(), response.body());
    }

    /**
     * Posts a JSON request to one of a peer's APIs, such as its compute-provider API.
     *
     * @throws PeerUnavailableException when the peer cannot be reached
     */
    public PeerAnswer postJson(PeerCard peer, String path, String body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(resolve(peer.endpoint(), path))
                .timeout(properties.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), peer.endpoint());
        return new PeerAnswer(response.statusCode(), response.body());
    }

    /*
     * The whole exchange, body included, must end within the timeout, and only the first 64 KiB of the body are
     * read: a slow or endless answer must not hold the one thread that serves every peer.
     */
    private HttpResponse<String> send(HttpRequest request, String endpoint) {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, BoundedBody.handler(MAX_ANSWER));
        try {
            return exchange.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PeerUnavailableException(endpoint + " did not answer: " + e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new PeerUnavailableException(endpoint + " did not answer within " + properties.timeout());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new PeerUnavailableException("interrupted while waiting for " + endpoint);
        }
    }

    private static URI resolve(String endpoint, String path) {
        try {
            return URI.create(endpoint.endsWith("/") ? endpoint + path : endpoint + "/" + path);
        } catch (IllegalArgumentException e) {
            throw new PeerUnavailableException("\"" + endpoint + "\" is not an address a control plane answers at");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
