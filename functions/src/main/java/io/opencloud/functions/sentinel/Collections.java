package io.opencloud.functions.sentinel;

/** The collection a Sentinel request means when it names none. */
final class Collections {

    static final String DEFAULT = "sentinel-2-l2a";

    private Collections() {
    }

    static String orDefault(String collection) {
        return collection == null || collection.isBlank() ? DEFAULT : collection;
    }
}
