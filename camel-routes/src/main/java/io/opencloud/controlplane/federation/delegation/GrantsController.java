package io.opencloud.controlplane.federation.delegation;

import io.opencloud.controlplane.access.PlatformAdmin;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import io.opencloud.controlplane.federation.PeerAnswer;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.PeerClient;
import io.opencloud.controlplane.federation.PeerUnavailableException;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.functions.macaroon.Caveats;
import io.opencloud.functions.macaroon.MacaroonCodec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /grants}: the macaroons providers granted this control plane, and what a holder does with one.
 * <ul>
 *   <li>{@code POST .../attenuate} narrows it with more caveats ({@code resource} below the granted one,
 *       {@code action}, an earlier {@code expiresAt}), to pass on less than was granted;</li>
 *   <li>{@code POST .../discharge} makes the discharge the provider will ask for, bound to the macaroon given (the
 *       held one, or an attenuation of it);</li>
 *   <li>{@code POST .../token} does both and requests a remote-execution token from the provider, answering with the
 *       provider's own answer.</li>
 * </ul>
 */
@RestController
@PlatformAdmin
@RequestMapping("/grants")
public class GrantsController {

    private final HeldGrants held;
    private final Discharger discharger;
    private final Peers peers;
    private final PeerClient client;
    private final JsonMapper json;

    public GrantsController(HeldGrants held, Discharger discharger, Peers peers, PeerClient client, JsonMapper json) {
        this.held = held;
        this.discharger = discharger;
        this.peers = peers;
        this.client = client;
        this.json = json;
    }

    @GetMapping
    public List<HeldGrant> list() {
        return held.all();
    }

    @GetMapping("/{provider}/{id}")
    public HeldGrant get(@PathVariable String provider, @PathVariable String id) {
        try {
            return held.find(provider, UUID.fromString(id))
                    .orElseThrow(() -> RequestRefusedException.notFound("grant " + provider + "/" + id));
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.notFound("grant " + provider + "/" + id);
        }
    }

    @PostMapping("/{provider}/{id}/attenuate")
    public Map<String, String> attenuate(@PathVariable String provider, @PathVariable String id,
                                         @RequestBody(required = false) String text) {
        HeldGrant grant = get(provider, id);
        JsonNode body = JsonBodies.object(json, text);
        List<String> faults = new ArrayList<>();
        for (String member : List.of("resource", "action", "expiresAt")) {
            if (body.has(member) && !body.get(member).isString()) {
                faults.add(member + ": text");
            }
        }
        if (!faults.isEmpty()) {
            throw RequestRefusedException.invalid(faults);
        }
        MacaroonsBuilder builder = MacaroonsBuilder.modify(MacaroonCodec.decode(grant.macaroon()));
        if (body.hasNonNull("resource")) {
            builder.addCaveat(Caveats.resource(body.get("resource").asString()));
        }
        if (body.hasNonNull("action")) {
            builder.addCaveat(Caveats.action(body.get("action").asString()));
        }
        if (body.hasNonNull("expiresAt")) {
            try {
                builder.addCaveat(Caveats.expires(Instant.parse(body.get("expiresAt").asString())));
            } catch (DateTimeParseException e) {
                throw RequestRefusedException.invalid(List.of("expiresAt: an RFC 3339 instant"));
            }
        }
        return Map.of("macaroon", MacaroonCodec.encode(builder.getMacaroon()));
    }

    @PostMapping("/{provider}/{id}/discharge")
    public Map<String, Object> discharge(@PathVariable String provider, @PathVariable String id,
                                         @RequestBody(required = false) String text) {
        HeldGrant grant = get(provider, id);
        String macaroon = macaroonOf(grant, text);
        return Map.of("macaroon", macaroon, "discharges", discharger.discharge(grant, macaroon));
    }

    @PostMapping("/{provider}/{id}/token")
    public ResponseEntity<String> token(@PathVariable String provider, @PathVariable String id,
                                        @RequestBody(required = false) String text) {
        HeldGrant grant = get(provider, id);
        JsonNode body = JsonBodies.object(json, text);
        String macaroon = macaroonOf(grant, text);
        ObjectNode request = json.createObjectNode().put("macaroon", macaroon);
        request.set("discharges", json.valueToTree(discharger.discharge(grant, macaroon)));
        request.putObject("request").put("resource", body.path("request").path("resource").asString(grant.resource()))
                .put("action", body.path("request").path("action").asString(grant.action()));
        PeerCard card = peers.card(provider).orElseThrow();
        PeerAnswer answer;
        try {
            answer = client.postJson(card, "provider/tokens", request.toString());
        } catch (PeerUnavailableException e) {
            throw new RequestRefusedException(HttpStatus.BAD_GATEWAY, "peer-unavailable", List.of(e.getMessage()));
        }
        return ResponseEntity.status(answer.status()).contentType(answer.status() / 100 == 2
                ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON).body(answer.body());
    }

    private String macaroonOf(HeldGrant grant, String text) {
        if (text == null || text.isBlank()) {
            return grant.macaroon();
        }
        return JsonBodies.object(json, text).path("macaroon").asString(grant.macaroon());
    }
}
