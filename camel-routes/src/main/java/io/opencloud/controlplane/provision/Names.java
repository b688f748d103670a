package io.opencloud.controlplane.provision;

import java.util.regex.Pattern;

/**
 * The names of providers, provisions and their resources, and of marketplaces: lower-case letters, digits and inner
 * hyphens, at most 63 long, as DNS labels are; they become Terraform resource names, file names, host names and
 * bucket names.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Names() {
    }

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static String rule() {
        return "lower-case letters, digits and inner hyphens, 1 to 63 long";
    }
}
