package io.opencloud.controlplane.compute;

import java.util.List;

/**
 * The names of images, templates and VMs: free text for people, 1 to 128 characters. (Names that become bucket,
 * host or file names follow the stricter {@code Names}.)
 */
public final class DisplayNames {

    private static final int MAX = 128;

    private DisplayNames() {
    }

    /** Adds "{@code field} is required, 1 to 128 characters" to the problems unless the name is one. */
    public static void check(String name, String field, List<String> problems) {
        if (name == null || name.isBlank() || name.length() > MAX) {
            problems.add(field + " is required, 1 to " + MAX + " characters");
        }
    }
}
