package io.opencloud.infra.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresJdbcUrlTest {

    @Test
    void readsHostPortAndDatabaseAndDropsTheParameters() {
        assertThat(PostgresJdbcUrl.parse("jdbc:postgresql://db.example:5433/opencloud?sslmode=require&user=x"))
                .isEqualTo(new PostgresJdbcUrl("db.example", 5433, "opencloud"));
    }

    @Test
    void defaultsToPort5432() {
        assertThat(PostgresJdbcUrl.parse("jdbc:postgresql://localhost/opencloud"))
                .isEqualTo(new PostgresJdbcUrl("localhost", 5432, "opencloud"));
    }

    @Test
    void readsAnIpv6Literal() {
        assertThat(PostgresJdbcUrl.parse("jdbc:postgresql://[::1]:5433/opencloud"))
                .isEqualTo(new PostgresJdbcUrl("::1", 5433, "opencloud"));
    }

    @Test
    void refusesUrlsItCannotStreamFrom() {
        assertThatThrownBy(() -> PostgresJdbcUrl.parse("jdbc:mysql://localhost:3306/opencloud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> PostgresJdbcUrl.parse("jdbc:postgresql://a:5432,b:5432/opencloud"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one host");
        assertThatThrownBy(() -> PostgresJdbcUrl.parse("jdbc:postgresql://localhost:5432/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database");
    }
}
