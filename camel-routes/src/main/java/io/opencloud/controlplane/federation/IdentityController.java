package io.opencloud.controlplane.federation;

import io.opencloud.controlplane.access.PlatformAdmin;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.Names;
import io.opencloud.controlplane.provision.RequestRefusedException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/identity}: this control plane's name, public endpoint and signing key ({@code GET}), and the change
 * of its name or endpoint ({@code PUT}), which its peers are told of; the key pairs are made on the first start and
 * never change here.
 */
@RestController
@PlatformAdmin
@RequestMapping("/admin/identity")
public class IdentityController {

    private final Identities identities;
    private final CardAnnouncer cards;
    private final JsonMapper json;

    public IdentityController(Identities identities, CardAnnouncer cards, JsonMapper json) {
        this.identities = identities;
        this.cards = cards;
        this.json = json;
    }

    @GetMapping
    public Identity get() {
        return identities.find().orElseThrow(() -> RequestRefusedException.notFound("the identity (not made yet)"));
    }

    @PutMapping
    @Transactional
    public Identity update(@RequestBody(required = false) String text) {
        Identity current = get();
        JsonNode body = JsonBodies.object(json, text);
        String name = body.path("name").asString(current.name());
        String endpoint = body.path("endpoint").asString(current.endpoint());
        List<String> errors = new ArrayList<>();
        if (!Names.valid(name)) {
            errors.add("name: " + Names.rule());
        }
        if (!PeerCard.isHttpUrl(endpoint)) {
            errors.add("endpoint: an absolute http or https URL at which the peers reach this control plane, not \""
                    + endpoint + "\"");
        }
        if (!errors.isEmpty()) {
            throw RequestRefusedException.invalid(errors);
        }
        Identity updated = identities.update(name, endpoint);
        cards.announce();
        return updated;
    }
}
