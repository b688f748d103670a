package io.opencloud.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Progress a function reports while it carries out a long command, before its one reply. A report carries the
 * command's id as {@code causationid} and travels on the events topic of the function's domain; the saga coordinator
 * records it in the saga's history and changes nothing else. Its phase names a moment of the work, not a reply, so
 * it must never be read as one.
 */
public enum ProgressType {
    /** Terraform started creating, changing or deleting a resource. */
    RESOURCE_STARTED("terraform", "resource", "started", 1),
    /** Terraform finished a resource. */
    RESOURCE_COMPLETED("terraform", "resource", "completed", 1),
    /** Terraform failed on a resource. */
    RESOURCE_FAILED("terraform", "resource", "failed", 1);

    private final String domain;
    private final String subject;
    private final String moment;
    private final int version;

    ProgressType(String domain, String subject, String moment, int version) {
        this.domain = domain;
        this.subject = subject;
        this.moment = moment;
        this.version = version;
    }

    public String type() {
        return "io.opencloud." + domain + "." + subject + "." + moment + ".v" + version;
    }

    public String domain() {
        return domain;
    }

    public String eventsTopic() {
        return Topics.events(domain);
    }

    public static Optional<ProgressType> of(String type) {
        return Arrays.stream(values()).filter(progress -> progress.type().equals(type)).findFirst();
    }
}
