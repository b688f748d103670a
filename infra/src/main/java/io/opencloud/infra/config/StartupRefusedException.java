package io.opencloud.infra.config;

/**
 * The control plane cannot start for a reason the user can fix; Spring Boot prints the description and the action
 * instead of a stack trace.
 */
public class StartupRefusedException extends RuntimeException {

    private final String description;
    private final String action;

    public StartupRefusedException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
