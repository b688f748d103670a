package io.opencloud.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.opencloud.infra.config.RuntimeEndpoints;
import io.opencloud.infra.test.SharedTestRuntime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SchemaMigrationsTest {

    private final String database = "migrations_" + UUID.randomUUID().toString().replace("-", "");
    private HikariDataSource dataSource;

    @BeforeEach
    void createDatabase() throws Exception {
        RuntimeEndpoints e = SharedTestRuntime.endpoints();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.dbUsername(), e.dbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(e.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        dataSource.setUsername(e.dbUsername());
        dataSource.setPassword(e.dbPassword());
    }

    @AfterEach
    void closeDataSource() {
        dataSource.close();
    }

    @Test
    void upgradesADatabaseWrittenByAnOlderVersion() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("1").load().migrate();

        SchemaMigrations.apply(dataSource);

        assertThat(JdbcClient.create(dataSource).sql("SELECT max(version::int) FROM flyway_schema_history")
                .query(Integer.class).single()).isGreaterThan(1);
        assertThat(JdbcClient.create(dataSource).sql("SELECT count(*) FROM command_reply").query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesADatabaseWrittenByANewerVersion() {
        SchemaMigrations.apply(dataSource);
        JdbcClient.create(dataSource).sql("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                    installed_by, execution_time, success)
                VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', 1, true)""").update();

        assertThatThrownBy(() -> SchemaMigrations.apply(dataSource))
                .isInstanceOf(SchemaMigrations.NewerSchemaException.class)
                .hasMessageContaining("version 999")
                .hasMessageContaining("newer control plane");
    }
}
