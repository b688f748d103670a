package io.opencloud.functions.compute;

import io.opencloud.functions.OperationFailedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The images of the compute inventory ({@code compute_image}). */
@Repository
public class Images {

    private static final String COLUMNS = "image_id, name, driver, format, location, size_bytes, sha256,"
            + " attributes::text AS attributes, created_by_saga";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Images(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Adds the image; an image already there under its id (a redelivered command) is kept as it is. */
    public void insert(ImageRecord image) {
        jdbc.sql("INSERT INTO compute_image (image_id, name, driver, format, location, size_bytes, sha256, attributes,"
                        + " created_by_saga) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING")
                .params(UUID.fromString(image.imageId()), image.name(), image.driver(), image.format(),
                        image.location(), image.sizeBytes(), image.sha256(), json.writeValueAsString(image.attributes()),
                        image.createdBySaga())
                .update();
    }

    public Optional<ImageRecord> find(String imageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_image WHERE image_id = ?")
                .param(UUID.fromString(imageId)).query(this::row).optional();
    }

    public ImageRecord require(String imageId) {
        return find(imageId).orElseThrow(() -> new OperationFailedException("image " + imageId + " does not exist",
                false));
    }

    public List<ImageRecord> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_image ORDER BY created_at, image_id").query(this::row)
                .list();
    }

    public List<ImageRecord> createdBy(String sagaId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM compute_image WHERE created_by_saga = ?").param(sagaId)
                .query(this::row).list();
    }

    public void delete(String imageId) {
        jdbc.sql("DELETE FROM compute_image WHERE image_id = ?").param(UUID.fromString(imageId)).update();
    }

    private ImageRecord row(ResultSet rs, int n) throws SQLException {
        return new ImageRecord(rs.getString("image_id"), rs.getString("name"), rs.getString("driver"),
                rs.getString("format"), rs.getString("location"), rs.getLong("size_bytes"), rs.getString("sha256"),
                json.readTree(rs.getString("attributes")), rs.getString("created_by_saga"));
    }
}
