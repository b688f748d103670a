package io.opencloud.functions.macaroon;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first-party caveats this control plane writes and understands:
 * <ul>
 *   <li>{@code expires < <RFC 3339 instant>}: the macaroon is valid strictly before that instant;</li>
 *   <li>{@code time >= <RFC 3339 instant>}: the macaroon is valid from that instant on;</li>
 *   <li>{@code action = <a>[,<b>...]}: the request's action is one of those listed;</li>
 *   <li>{@code resource = <r>}: the request's resource is {@code r} or lies below it ({@code r/...}), so a holder
 *       can attenuate a macaroon to a part of what it was issued for; a request whose path has an empty, {@code .}
 *       or {@code ..} segment, a {@code %} escape or a backslash is refused, since it could name something outside
 *       {@code r}.</li>
 * </ul>
 * A holder attenuates by adding more caveats; each must hold, so rights only ever narrow.
 */
public final class Caveats {

    private static final String EXPIRES = "expires < ";
    private static final String NOT_BEFORE = "time >= ";
    private static final String ACTION = "action = ";
    private static final String RESOURCE = "resource = ";

    private Caveats() {
    }

    public static String expires(Instant instant) {
        return EXPIRES + instant;
    }

    public static String notBefore(Instant instant) {
        return NOT_BEFORE + instant;
    }

    public static String action(String action) {
        return ACTION + action;
    }

    public static String resource(String resource) {
        return RESOURCE + resource;
    }

    /** Why the caveat does not hold for the request at {@code now}, or empty when it holds. */
    public static Optional<String> unmet(String caveat, VerifyMacaroonRequest.AccessRequest request, Instant now) {
        if (caveat.startsWith(EXPIRES)) {
            return expiry(caveat, now);
        }
        if (caveat.startsWith(NOT_BEFORE)) {
            return notBefore(caveat, now);
        }
        if (caveat.startsWith(ACTION)) {
            boolean allowed = Arrays.stream(caveat.substring(ACTION.length()).split(","))
                    .map(String::strip).anyMatch(request.action()::equals);
            return allowed ? Optional.empty()
                    : Optional.of("caveat \"" + caveat + "\" does not allow the action \"" + request.action() + "\"");
        }
        if (caveat.startsWith(RESOURCE)) {
            String granted = caveat.substring(RESOURCE.length());
            String wanted = request.resource();
            if (climbs(wanted)) {
                return Optional.of("the resource \"" + wanted + "\" has an empty, . or .. segment, a % escape or a"
                        + " backslash, which could reach outside what was granted");
            }
            boolean covered = wanted.equals(granted) || wanted.startsWith(granted.endsWith("/") ? granted : granted + "/");
            return covered ? Optional.empty()
                    : Optional.of("caveat \"" + caveat + "\" does not cover the resource \"" + wanted + "\"");
        }
        return Optional.of("caveat \"" + caveat + "\" is not one this control plane understands");
    }

    private static boolean climbs(String resource) {
        if (resource.contains("%") || resource.contains("\\")) {
            return true;
        }
        String path = resource.contains("://") ? resource.substring(resource.indexOf("://") + 3) : resource;
        return Arrays.stream(path.split("/")).anyMatch(segment -> segment.isEmpty() || segment.equals(".")
                || segment.equals(".."));
    }

    private static Optional<String> notBefore(String caveat, Instant now) {
        try {
            Instant start = Instant.parse(caveat.substring(NOT_BEFORE.length()).strip());
            return now.isBefore(start) ? Optional.of("the macaroon is valid only from " + start + " (now " + now + ")")
                    : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("caveat \"" + caveat + "\" has no valid RFC 3339 instant");
        }
    }

    private static Optional<String> expiry(String caveat, Instant now) {
        try {
            Instant expiry = Instant.parse(caveat.substring(EXPIRES.length()).strip());
            return now.isBefore(expiry) ? Optional.empty()
                    : Optional.of("the macaroon expired at " + expiry + " (now " + now + ")");
        } catch (DateTimeParseException e) {
            return Optional.of("caveat \"" + caveat + "\" has no valid RFC 3339 instant");
        }
    }
}
