package io.opencloud.controlplane.federation.network;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the owner of a private network shares with those it invites: the network, where its owner answers, the
 * owner's peer id (so the newcomer can tell the real owner from whoever answers at that address) and the secret
 * whose knowledge the newcomer proves. Written {@code ocjoin1.<base64url JSON>}, one token to paste.
 */
public record JoinKey(String network, String owner, String endpoint, String secret) {

    private static final String PREFIX = "ocjoin1.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String encode() {
        ObjectNode node = JSON.createObjectNode().put("network", network).put("owner", owner)
                .put("endpoint", endpoint).put("secret", secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException saying what is wrong with the text */
    public static JoinKey decode(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a join key starts with \"" + PREFIX + "\"; ask the network's owner"
                    + " for it (GET /networks/{id} on the owner's control plane)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(text.substring(PREFIX.length())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the join key is damaged (it is not base64url JSON); copy it again");
        }
        JoinKey key = new JoinKey(node.path("network").asString(null), node.path("owner").asString(null),
                node.path("endpoint").asString(null), node.path("secret").asString(null));
        if (key.network() == null || key.owner() == null || key.endpoint() == null || key.secret() == null) {
            throw new IllegalArgumentException("the join key lacks its network, owner, endpoint or secret");
        }
        try {
            if (Base64.getUrlDecoder().decode(key.secret()).length != 32) {
                throw new IllegalArgumentException("the join key's secret is not 32 bytes long");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the join key's secret is damaged; copy the key again", e);
        }
        return key;
    }
}
