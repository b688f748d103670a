package io.opencloud.functions.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing secrets at rest: the key made on first use, values bound to what they belong to. */
class SecretBoxTest {

    @TempDir
    Path folder;

    @Test
    void aSealedValueOpensWithTheSameKeyFileOnlyForWhatItBelongsTo() throws Exception {
        Path keyFile = folder.resolve("keys/secrets.key");
        byte[] secret = "{\"token\":\"s3cr3t\"}".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = new SecretBox(new SecretsProperties(keyFile)).seal(secret, "provider:a");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        SecretBox restarted = new SecretBox(new SecretsProperties(keyFile));
        assertThat(restarted.open(sealed, "provider:a")).isEqualTo(secret);
        assertThatThrownBy(() -> restarted.open(sealed, "provider:b")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open with the key in " + keyFile);
        assertThat(restarted.seal(secret, "provider:a")).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void withoutAKeyFileNothingIsSealed() {
        assertThatThrownBy(() -> new SecretBox(new SecretsProperties(null)).seal(new byte[1], "x"))
                .hasMessageContaining("opencloud.secrets.key-file is not set");
    }
}
