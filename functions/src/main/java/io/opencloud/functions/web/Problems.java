package io.opencloud.functions.web;

import io.opencloud.events.envelope.Violation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem responses, with each violation named by the attribute or JSON Pointer at fault. */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String problem, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("urn:opencloud:problem:" + problem));
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }

    public static ResponseEntity<ProblemDetail> invalidEvent(List<Violation> violations) {
        ResponseEntity<ProblemDetail> response = of(HttpStatus.BAD_REQUEST, "invalid-event", "Invalid CloudEvent",
                violations.stream().map(Violation::describe).reduce((a, b) -> a + "; " + b).orElse(""));
        response.getBody().setProperty("errors", violations.stream().map(Problems::error).toList());
        return response;
    }

    public static Map<String, String> error(Violation violation) {
        Map<String, String> error = new LinkedHashMap<>();
        if (violation.attribute() != null) {
            error.put("attribute", violation.attribute());
        }
        if (violation.pointer() != null) {
            error.put("pointer", violation.pointer());
        }
        error.put("detail", violation.detail());
        return error;
    }
}
