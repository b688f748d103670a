package io.opencloud.functions.secrets;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opencloud.secrets.key-file}: the AES key that seals secrets at rest (base64, 32 bytes). It is created on first
 * use, readable by its owner only; losing it makes every sealed secret unreadable, so back it up with the database.
 */
@ConfigurationProperties("opencloud.secrets")
public record SecretsProperties(Path keyFile) {
}
