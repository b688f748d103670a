package io.opencloud.controlplane.provision;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A provider or provision request that cannot be carried out, with every reason; answered as problem+json. */
public class RequestRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String problem;
    private final List<String> errors;

    public RequestRefusedException(HttpStatus status, String problem, List<String> errors) {
        super(String.join("; ", errors));
        this.status = status;
        this.problem = problem;
        this.errors = List.copyOf(errors);
    }

    public static RequestRefusedException invalid(List<String> errors) {
        return new RequestRefusedException(HttpStatus.BAD_REQUEST, "invalid-request", errors);
    }

    public static RequestRefusedException notFound(String what) {
        return new RequestRefusedException(HttpStatus.NOT_FOUND, "not-found", List.of(what + " does not exist"));
    }

    public static RequestRefusedException conflict(String why) {
        return new RequestRefusedException(HttpStatus.CONFLICT, "conflict", List.of(why));
    }

    public HttpStatus status() {
        return status;
    }

    public String problem() {
        return problem;
    }

    public List<String> errors() {
        return errors;
    }
}
