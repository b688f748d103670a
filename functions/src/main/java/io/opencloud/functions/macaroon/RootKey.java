package io.opencloud.functions.macaroon;

import java.util.UUID;

/** A secret that signs macaroons, named by the id written into each macaroon's identifier. */
public record RootKey(UUID id, byte[] secret) {
}
