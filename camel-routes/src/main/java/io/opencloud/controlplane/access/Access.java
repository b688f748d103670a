package io.opencloud.controlplane.access;

import java.util.Optional;
import org.springframework.web.method.HandlerMethod;

/** The authorisation rule of one endpoint, read from its annotations (the method's, else its controller's). */
public sealed interface Access {

    record Open(String reason) implements Access {
    }

    record AtLeast(Role role) implements Access {
    }

    record Platform() implements Access {
    }

    /** The rule of the endpoint, or empty when it has none (which the control plane treats as closed). */
    static Optional<Access> of(HandlerMethod method) {
        Optional<Access> own = of(method.getMethodAnnotation(Public.class), method.getMethodAnnotation(Requires.class),
                method.getMethodAnnotation(PlatformAdmin.class));
        return own.isPresent() ? own : of(method.getBeanType().getAnnotation(Public.class),
                method.getBeanType().getAnnotation(Requires.class),
                method.getBeanType().getAnnotation(PlatformAdmin.class));
    }

    private static Optional<Access> of(Public open, Requires requires, PlatformAdmin platform) {
        if (open != null) {
            return Optional.of(new Open(open.value()));
        }
        if (requires != null) {
            return Optional.of(new AtLeast(requires.value()));
        }
        return platform != null ? Optional.of(new Platform()) : Optional.empty();
    }
}
