package io.opencloud.controlplane.federation.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's favourite resources, by reference ({@code <provider's peer id>/<name>}). */
@Repository
public class Favourites {

    /** A favourite as stored. */
    public record Favourite(String ref, OffsetDateTime addedAt) {
    }

    private final JdbcClient jdbc;

    public Favourites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Favourite> of(String user) {
        return jdbc.sql("""
                        SELECT provider || '/' || resource_name, added_at FROM catalog_favourite
                        WHERE user_name = ? ORDER BY added_at, provider, resource_name""")
                .param(user)
                .query((row, n) -> new Favourite(row.getString(1), row.getObject(2, OffsetDateTime.class)))
                .list();
    }

    /** Adds the favourite; adding it again keeps the first time it was added. */
    public void add(String user, String provider, String name) {
        jdbc.sql("""
                        INSERT INTO catalog_favourite (user_name, provider, resource_name) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(user, provider, name).update();
    }

    public boolean remove(String user, String provider, String name) {
        return jdbc.sql("DELETE FROM catalog_favourite WHERE user_name = ? AND provider = ? AND resource_name = ?")
                .params(user, provider, name).update() == 1;
    }
}
