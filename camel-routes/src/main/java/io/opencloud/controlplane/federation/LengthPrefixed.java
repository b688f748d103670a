package io.opencloud.controlplane.federation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes a signature covers: each field written as {@code <length>:<UTF-8 bytes>}, so that no two different lists
 * of fields share a form.
 */
final class LengthPrefixed {

    private LengthPrefixed() {
    }

    static byte[] of(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
