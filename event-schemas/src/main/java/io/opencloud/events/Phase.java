package io.opencloud.events;

/** The phase that ends every CloudEvent type name: a command is requested, its reply completed or failed. */
public enum Phase {
    REQUESTED("requested"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
