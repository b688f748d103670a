package io.opencloud.functions.macaroon;

import java.util.UUID;

/**
 * A macaroon's identifier names the root key that signed it and a nonce that makes it unique:
 * {@code <key id>/<nonce>}.
 */
public record MacaroonIdentifier(UUID keyId, String nonce) {

    public static MacaroonIdentifier fresh(UUID keyId) {
        return new MacaroonIdentifier(keyId, UUID.randomUUID().toString());
    }

    /** @throws IllegalArgumentException when the identifier was not minted by this control plane */
    public static MacaroonIdentifier parse(String identifier) {
        int slash = identifier.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("its identifier \"" + identifier + "\" was not minted by this control plane");
        }
        try {
            return new MacaroonIdentifier(UUID.fromString(identifier.substring(0, slash)), identifier.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its identifier \"" + identifier + "\" names no root key of this control plane");
        }
    }

    @Override
    public String toString() {
        return keyId + "/" + nonce;
    }
}
