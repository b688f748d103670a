package io.opencloud.functions.web;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.outbound.DestinationPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client the functions share (catalogs, assets, presigned URLs), and downloads to a file, so that
 * nothing large is held in memory. Every URL passes the {@link DestinationPolicy} first, and no redirect is followed
 * (a redirect could lead anywhere the policy would refuse). A network failure is a retryable
 * {@link OperationFailedException} that names the URL's host only; what a status code means is the caller's to say.
 */
@Component
public class HttpDownloads {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final DestinationPolicy policy;

    public HttpDownloads(DestinationPolicy policy) {
        this.policy = policy;
    }

    /** Sends a request the policy allows. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        policy.check(request.uri());
        return http.send(request, body);
    }

    /**
     * Writes the body of a GET of {@code uri} to {@code target}.
     *
     * @param what names the download in a failure, without secrets (a presigned URL's query is one)
     * @return the HTTP status code
     */
    public int toFile(URI uri, Path target, String what) {
        try {
            return send(HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target)).statusCode();
        } catch (IOException e) {
            throw new OperationFailedException(what + " could not be read from " + uri.getHost(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while reading " + what, true, e);
        }
    }
}
