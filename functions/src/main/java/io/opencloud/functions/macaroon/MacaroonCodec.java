package io.opencloud.functions.macaroon;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsSerializer;

/**
 * Macaroons travel in the V2 binary format, base64url without padding: the one format other implementations
 * (libmacaroons, js-macaroon, pymacaroons) read too. Standard base64 and padding are accepted on the way in.
 */
public final class MacaroonCodec {

    private MacaroonCodec() {
    }

    public static String encode(Macaroon macaroon) {
        return macaroon.serialize(MacaroonsSerializer.V2);
    }

    /** @throws IllegalArgumentException with a reason a person can act on */
    public static Macaroon decode(String text) {
        String urlSafe = text.strip().replace('+', '-').replace('/', '_').replaceAll("=+$", "");
        try {
            return Macaroon.deserialize(urlSafe, MacaroonsSerializer.V2);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a macaroon in the V2 binary format (base64url): " + e.getMessage(), e);
        }
    }
}
