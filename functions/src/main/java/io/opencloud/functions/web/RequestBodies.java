package io.opencloud.functions.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Reads request bodies under a size limit, without ever holding more than the limit in memory. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, or null when it is larger than {@code limit} bytes (by its Content-Length or by what arrives). */
    public static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }
}
