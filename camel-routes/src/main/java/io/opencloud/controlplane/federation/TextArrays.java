package io.opencloud.controlplane.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Reads a PostgreSQL {@code text[]} column, such as the networks a peer or a resource is in. */
public final class TextArrays {

    private TextArrays() {
    }

    public static List<String> of(ResultSet row, String column) throws SQLException {
        return Arrays.asList((String[]) row.getArray(column).getArray());
    }
}
