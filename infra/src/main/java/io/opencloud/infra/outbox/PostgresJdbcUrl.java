package io.opencloud.infra.outbox;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Host, port and database of a PostgreSQL JDBC URL. Debezium's connector takes them as separate properties, while
 * the rest of the control plane is configured with one JDBC URL.
 */
public record PostgresJdbcUrl(String host, int port, String database) {

    private static final String PREFIX = "jdbc:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    /**
     * Reads {@code jdbc:postgresql://host[:port]/database[?parameters]}; the parameters are dropped.
     *
     * @throws IllegalArgumentException for any other shape, a list of hosts included: the connector streams from
     *                                  exactly one server
     */
    public static PostgresJdbcUrl parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw invalid(jdbcUrl, "it does not start with " + PREFIX);
        }
        URI uri;
        try {
            uri = new URI(jdbcUrl.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw invalid(jdbcUrl, e.getMessage());
        }
        if (uri.getHost() == null) {
            throw invalid(jdbcUrl, "it does not name exactly one host");
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (database.isEmpty() || database.contains("/")) {
            throw invalid(jdbcUrl, "it does not name a database");
        }
        // URI keeps the brackets of an IPv6 literal; the connector wants the bare address.
        String host = uri.getHost().replaceAll("^\\[|]$", "");
        return new PostgresJdbcUrl(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), database);
    }

    private static IllegalArgumentException invalid(String jdbcUrl, String reason) {
        return new IllegalArgumentException("Cannot read host, port and database from the JDBC URL '" + jdbcUrl
                + "': " + reason + ". Expected " + PREFIX + "host:port/database");
    }
}
