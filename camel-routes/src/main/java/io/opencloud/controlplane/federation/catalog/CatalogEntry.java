package io.opencloud.controlplane.federation.catalog;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One resource in this control plane's catalog, its own or a peer's.
 *
 * @param ref      {@code <provider's peer id>/<name>}: how favourites and delegated grants name the resource
 * @param networks the networks it is visible through; empty for an own resource shared nowhere
 */
public record CatalogEntry(String ref, Provider provider, String name, String kind, JsonNode card, JsonNode inputs,
                           List<String> networks) {

    /** Who offers the resource; {@code self} when it is this control plane. */
    public record Provider(String peerId, String name, boolean self) {
    }
}
