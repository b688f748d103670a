package io.opencloud.functions.secrets;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets made of random bytes, written base64url without padding: join secrets, caveat keys, tokens. */
public final class RandomText {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomText() {
    }

    public static String base64url(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
