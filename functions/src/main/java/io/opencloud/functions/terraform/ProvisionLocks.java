package io.opencloud.functions.terraform;

import io.opencloud.functions.OperationFailedException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One Terraform command at a time per provision, across every process that runs the functions: a PostgreSQL
 * advisory lock, held on a connection of its own for as long as the command runs. A retry sent after a timeout waits
 * for the attempt still running instead of racing it on the same state; a process that dies drops its connection and
 * with it the lock.
 */
@Component
public class ProvisionLocks {

    private final DataSource dataSource;

    public ProvisionLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T exclusively(String provisionId, Supplier<T> work) {
        UUID id;
        try {
            id = UUID.fromString(provisionId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new OperationFailedException("\"" + provisionId + "\" is not a provision id", false, e);
        }
        long key = id.getMostSignificantBits() ^ id.getLeastSignificantBits();
        try (Connection connection = dataSource.getConnection()) {
            call(connection, "SELECT pg_advisory_lock(?)", key);
            try {
                return work.get();
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new OperationFailedException("the lock of provision " + provisionId + " could not be taken or "
                    + "released: " + e.getMessage(), true, e);
        }
    }

    private static void call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
