package io.opencloud.events.envelope;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.stream.Collectors;

/** The outcome of reading or checking an event: accepted, or rejected with every violation found. */
public sealed interface Decoded {

    record Accepted(CloudEvent event) implements Decoded {
    }

    record Rejected(List<Violation> violations) implements Decoded {

        public Rejected {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one violation");
            }
            violations = List.copyOf(violations);
        }

        public static Rejected of(Violation violation) {
            return new Rejected(List.of(violation));
        }

        public String reason() {
            return violations.stream().map(Violation::describe).collect(Collectors.joining("; "));
        }
    }
}
