package io.opencloud.functions.web;

import io.opencloud.functions.OperationFailedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The one HTTP client the functions share (catalogs, assets, presigned URLs), and downloads to a file, so that
 * nothing large is held in memory. A network failure is a retryable {@link OperationFailedException}; what a status
 * code means is the caller's to say.
 */
public final class HttpDownloads {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private HttpDownloads() {
    }

    public static HttpClient client() {
        return HTTP;
    }

    /**
     * Writes the body of a GET of {@code uri} to {@code target}.
     *
     * @param what names the download in a failure, without secrets (a presigned URL's query is one)
     * @return the HTTP status code
     */
    public static int toFile(URI uri, Path target, String what) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(DOWNLOAD_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target)).statusCode();
        } catch (IOException e) {
            throw new OperationFailedException(what + " could not be read: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while reading " + what, true, e);
        }
    }
}
