package io.opencloud.infra.db;

import io.opencloud.infra.config.StartupRefusedException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database schema to the version this build knows, and refuses a database that a newer build has
 * already migrated: running older code over a newer schema would corrupt it quietly.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    public static void apply(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                // Flyway ignores migrations it does not know by default; a newer schema must stop us instead.
                .ignoreMigrationPatterns("")
                .load();
        refuseNewerSchema(flyway);
        int applied = flyway.migrate().migrationsExecuted;
        String version = Optional.ofNullable(flyway.info().current()).map(i -> i.getVersion().getVersion()).orElse("none");
        log.info("Database schema at version {} ({} migrations applied now)", version, applied);
    }

    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationInfo> newest = Arrays.stream(all)
                .filter(info -> EnumSet.of(MigrationState.FUTURE_SUCCESS, MigrationState.FUTURE_FAILED)
                        .contains(info.getState()))
                .max(Comparator.comparing(MigrationInfo::getVersion));
        if (newest.isPresent()) {
            String known = Arrays.stream(all)
                    .filter(info -> info.getState() != MigrationState.FUTURE_SUCCESS
                            && info.getState() != MigrationState.FUTURE_FAILED && info.getVersion() != null)
                    .map(info -> info.getVersion().getVersion())
                    .reduce((a, b) -> b).orElse("none");
            throw new NewerSchemaException(newest.get().getVersion().getVersion(), known);
        }
    }

    /** The database was written by a newer version of the control plane than this one. */
    public static final class NewerSchemaException extends StartupRefusedException {

        public NewerSchemaException(String found, String known) {
            super("The database schema is at version " + found + ", written by a newer control plane; this one knows"
                    + " schema versions up to " + known + ".", "Run the newer control plane on this data directory,"
                    + " or point this one at another data directory (opencloud.data-dir) or database (opencloud.db.url).");
        }
    }
}
