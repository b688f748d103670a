package io.opencloud.controlplane.federation;

import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.Names;
import io.opencloud.controlplane.provision.RequestRefusedException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/identity}: this control plane's name, public endpoint and signing key ({@code GET}), and the change
 * of its name or endpoint ({@code PUT}); the key pair is made on the first start and never changes here.
 */
@RestController
@RequestMapping("/admin/identity")
public class IdentityController {

    private final Identities identities;
    private final JsonMapper json;

    public IdentityController(Identities identities, JsonMapper json) {
        this.identities = identities;
        this.json = json;
    }

    @GetMapping
    public Identity get() {
        return identities.find().orElseThrow(() -> RequestRefusedException.notFound("the identity (not made yet)"));
    }

    @PutMapping
    public Identity update(@RequestBody(required = false) String text) {
        Identity current = get();
        JsonNode body = JsonBodies.object(json, text);
        String name = body.path("name").asString(current.name());
        String endpoint = body.path("endpoint").asString(current.endpoint());
        List<String> errors = new ArrayList<>();
        if (!Names.valid(name)) {
            errors.add("name: " + Names.rule());
        }
        if (!isHttpUrl(endpoint)) {
            errors.add("endpoint: an absolute http or https URL at which the peers reach this control plane, not \""
                    + endpoint + "\"");
        }
        if (!errors.isEmpty()) {
            throw RequestRefusedException.invalid(errors);
        }
        return identities.update(name, endpoint);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
