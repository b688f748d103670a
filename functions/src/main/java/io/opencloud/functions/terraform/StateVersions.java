package io.opencloud.functions.terraform;

import static io.opencloud.functions.s3.ObjectStoreCalls.call;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Buckets;
import io.opencloud.functions.s3.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Terraform state a provision's steps leave behind, saved whether the step succeeded or not: the bytes as a new
 * object under {@code provisions/<id>/state/} in the state bucket (never overwritten, so every version stays), and a
 * row in {@code provision_state_version} that PostgreSQL can query. A state equal to the last one saved is not saved
 * again.
 */
@Repository
public class StateVersions {

    static final String STATE_FILE = "terraform.tfstate";

    private final JdbcClient jdbc;
    private final MinioClient s3;
    private final JsonMapper json;
    private final String bucket;

    public StateVersions(JdbcClient jdbc, MinioClient s3, JsonMapper json, TerraformProperties properties) {
        this.jdbc = jdbc;
        this.s3 = s3;
        this.json = json;
        this.bucket = properties.stateBucket();
    }

    public Optional<StateVersion> latest(String provisionId) {
        return jdbc.sql("""
                        SELECT version, serial, lineage, resources, sha256, object_key FROM provision_state_version
                        WHERE provision_id = ? ORDER BY version DESC LIMIT 1""")
                .param(UUID.fromString(provisionId))
                .query((rs, n) -> new StateVersion(rs.getInt("version"), rs.getLong("serial"), rs.getString("lineage"),
                        rs.getInt("resources"), rs.getString("sha256"), rs.getString("object_key")))
                .optional();
    }

    /** The state of the latest version, parsed. */
    public Optional<JsonNode> latestState(String provisionId) {
        return jdbc.sql("""
                        SELECT terraform_state::text FROM provision_state_version WHERE provision_id = ?
                        ORDER BY version DESC LIMIT 1""")
                .param(UUID.fromString(provisionId)).query(String.class).optional().map(json::readTree);
    }

    /**
     * Puts the latest saved state into the working directory, unless the state there is the same or a later one of
     * the same lineage (a step that ran there after the last save, and whose work must not be forgotten).
     */
    public void restoreInto(String provisionId, Path directory) {
        Optional<StateVersion> latest = latest(provisionId);
        if (latest.isEmpty()) {
            return;
        }
        Path local = directory.resolve(STATE_FILE);
        Optional<JsonNode> present = read(local);
        if (present.isPresent() && present.get().path("lineage").asString("").equals(latest.get().lineage())
                && present.get().path("serial").asLong(-1) >= latest.get().serial()) {
            return;
        }
        Path temporary = directory.resolve(STATE_FILE + ".restoring");
        call("reading state " + bucket + "/" + latest.get().objectKey(), () -> {
            try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(bucket).object(latest.get().objectKey())
                    .build())) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        });
        try {
            Files.move(temporary, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OperationFailedException("the state of provision " + provisionId + " could not be restored into "
                    + directory + ": " + e, true, e);
        }
    }

    /**
     * Saves the working directory's state as the next version, unless it equals the latest one.
     *
     * @return the latest version after saving, 0 when there is no state at all
     */
    public int save(String provisionId, String command, boolean succeeded, Path directory) {
        Path file = directory.resolve(STATE_FILE);
        byte[] bytes = bytes(file);
        Optional<JsonNode> state = parse(bytes);
        Optional<StateVersion> latest = latest(provisionId);
        if (state.isEmpty()) {
            return latest.map(StateVersion::version).orElse(0);
        }
        MessageDigest digest = Sha256.digest();
        digest.update(bytes);
        String sha256 = Sha256.hex(digest);
        if (latest.isPresent() && latest.get().sha256().equals(sha256)) {
            return latest.get().version();
        }
        int version = latest.map(StateVersion::version).orElse(0) + 1;
        String key = "provisions/" + provisionId + "/state/" + String.format("v%06d", version) + ".tfstate";
        Buckets.ensure(s3, bucket);
        call("saving state " + bucket + "/" + key, () -> s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .data(bytes, bytes.length).contentType("application/json").build()));
        jdbc.sql("""
                        INSERT INTO provision_state_version (provision_id, version, command, outcome, serial, lineage,
                            resources, sha256, object_key, terraform_state)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""")
                .params(UUID.fromString(provisionId), version, command, succeeded ? "SUCCEEDED" : "FAILED",
                        state.get().path("serial").asLong(), state.get().path("lineage").asString(),
                        resources(state.get()), sha256, key, new String(bytes, StandardCharsets.UTF_8))
                .update();
        return version;
    }

    /** How many managed resource instances a state holds. */
    public static int resources(JsonNode state) {
        int count = 0;
        for (JsonNode resource : state.path("resources")) {
            if (resource.path("mode").asString("").equals("managed")) {
                count += resource.path("instances").size();
            }
        }
        return count;
    }

    /** A state file, parsed; empty when there is none or it is not a state Terraform finished writing. */
    Optional<JsonNode> read(Path file) {
        return parse(bytes(file));
    }

    private Optional<JsonNode> parse(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(bytes));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /* The file's bytes, or null when there is no file. */
    private static byte[] bytes(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new OperationFailedException("the state " + file + " could not be read: " + e, true, e);
        }
    }
}
