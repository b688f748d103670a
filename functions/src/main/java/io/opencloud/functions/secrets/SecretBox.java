package io.opencloud.functions.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals secrets (provider connections) with AES-256-GCM before they reach the database, and opens them for the one
 * moment a function needs them. Each sealed value is bound to what it belongs to (the associated data, for example a
 * provider's id), so a sealed value copied onto another row does not open.
 */
@Component
public class SecretBox {

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    public SecretBox(SecretsProperties properties) {
        this.keyFile = properties.keyFile();
    }

    /** @return the nonce followed by the ciphertext and its tag */
    public byte[] seal(byte[] plain, String belongsTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, belongsTo);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret could not be sealed", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key for {@code belongsTo} */
    public byte[] open(byte[] sealed, String belongsTo) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("a sealed secret of " + belongsTo + " is truncated");
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, belongsTo).doFinal(sealed, NONCE_BYTES,
                    sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed secret of " + belongsTo + " does not open with the key in "
                    + keyFile + " (was the key file replaced?)", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String belongsTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(belongsTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKey key() {
        SecretKey known = key;
        if (known == null) {
            synchronized (this) {
                known = key;
                if (known == null) {
                    known = new SecretKeySpec(loadOrCreate(), "AES");
                    key = known;
                }
            }
        }
        return known;
    }

    private byte[] loadOrCreate() {
        if (keyFile == null) {
            throw new IllegalStateException("opencloud.secrets.key-file is not set, so secrets cannot be sealed");
        }
        try {
            if (!Files.exists(keyFile)) {
                create();
            }
            byte[] bytes = Base64.getDecoder().decode(Files.readString(keyFile).strip());
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException(keyFile + " holds " + bytes.length + " bytes, not a " + KEY_BYTES
                        + "-byte AES key in base64");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("the secrets key " + keyFile + " could not be read or created: " + e, e);
        }
    }

    /* Created readable by its owner only, and never overwritten: two processes racing both end up with the winner's. */
    private void create() throws IOException {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(keyFile.toAbsolutePath().getParent(), ".key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.WRITE);
        try {
            Files.createLink(keyFile, temporary);
        } catch (FileAlreadyExistsException raced) {
            // Another process created it first; its key is the one in use.
        } finally {
            Files.delete(temporary);
        }
    }
}
