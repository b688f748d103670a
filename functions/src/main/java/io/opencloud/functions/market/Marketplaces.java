package io.opencloud.functions.market;

import io.opencloud.functions.OperationFailedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The marketplaces ({@code marketplace}). */
@Repository
public class Marketplaces {

    private static final String COLUMNS = "marketplace_id, name, description, bucket, credentials, endpoint";

    private final JdbcClient jdbc;

    public Marketplaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(MarketplaceRecord marketplace) {
        jdbc.sql("INSERT INTO marketplace (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.fromString(marketplace.marketplaceId()), marketplace.name(), marketplace.description(),
                        marketplace.bucket(), marketplace.credentials(), marketplace.endpoint())
                .update();
    }

    public void update(MarketplaceRecord marketplace) {
        jdbc.sql("UPDATE marketplace SET name = ?, description = ?, bucket = ?, credentials = ?, endpoint = ?,"
                        + " updated_at = now() WHERE marketplace_id = ?")
                .params(marketplace.name(), marketplace.description(), marketplace.bucket(), marketplace.credentials(),
                        marketplace.endpoint(), UUID.fromString(marketplace.marketplaceId()))
                .update();
    }

    /** Finds a marketplace by id or by name. */
    public Optional<MarketplaceRecord> find(String idOrName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace WHERE marketplace_id::text = ? OR name = ?")
                .params(idOrName, idOrName).query(this::row).optional();
    }

    public MarketplaceRecord require(String marketplaceId) {
        return find(marketplaceId).orElseThrow(() -> new OperationFailedException("marketplace " + marketplaceId
                + " does not exist", false));
    }

    public List<MarketplaceRecord> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marketplace ORDER BY name").query(this::row).list();
    }

    public void delete(String marketplaceId) {
        jdbc.sql("DELETE FROM marketplace WHERE marketplace_id = ?").param(UUID.fromString(marketplaceId)).update();
    }

    private MarketplaceRecord row(ResultSet rs, int n) throws SQLException {
        return new MarketplaceRecord(rs.getString("marketplace_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("bucket"), rs.getString("credentials"), rs.getString("endpoint"));
    }
}
