package io.opencloud.functions.provision;

import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.secrets.SecretBox;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a provider instance's sealed connection for the moment Terraform needs it. The values go to Terraform's
 * environment only; nothing here logs or returns them elsewhere.
 */
@Repository
public class ProviderConnections {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final JsonMapper json;

    public ProviderConnections(JdbcClient jdbc, SecretBox secrets, JsonMapper json) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.json = json;
    }

    /** What a provider's sealed connection is bound to, so that it opens on its own row only. */
    public static String sealedFor(UUID providerId) {
        return "provider:" + providerId;
    }

    public Map<String, String> of(UUID providerId) {
        byte[] sealed = jdbc.sql("SELECT connection FROM provider WHERE provider_id = ?").param(providerId)
                .query(byte[].class).optional().orElseThrow(() -> new OperationFailedException("provider "
                        + providerId + " was deleted, so its connection is gone", false));
        try {
            return json.readValue(secrets.open(sealed, sealedFor(providerId)), FIELDS);
        } catch (IllegalStateException e) {
            throw new OperationFailedException(e.getMessage(), false, e);
        }
    }
}
