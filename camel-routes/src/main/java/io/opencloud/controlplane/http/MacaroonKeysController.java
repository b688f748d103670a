package io.opencloud.controlplane.http;

import io.opencloud.controlplane.access.PlatformAdmin;
import io.opencloud.functions.macaroon.RootKey;
import io.opencloud.functions.macaroon.RootKeyStore;
import io.opencloud.functions.web.Problems;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/macaroon-keys/{id}}: a macaroon root key, so that another implementation (js-macaroon,
 * libmacaroons, pymacaroons) can verify this control plane's macaroons. Whoever holds a root key can mint macaroons,
 * so the export is switched on only by {@code opencloud.macaroon.key-export} (the embedded default has it, the
 * distributed profile not) and answered only to platform admins.
 */
@RestController
@ConditionalOnProperty(name = "opencloud.macaroon.key-export", havingValue = "true")
public class MacaroonKeysController {

    private final RootKeyStore keys;

    public MacaroonKeysController(RootKeyStore keys) {
        this.keys = keys;
    }

    @GetMapping("/admin/macaroon-keys/{id}")
    @PlatformAdmin
    public ResponseEntity<?> get(@PathVariable String id) {
        Optional<RootKey> key;
        try {
            key = keys.find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            key = Optional.empty();
        }
        return key.<ResponseEntity<?>>map(found -> ResponseEntity.ok(Map.of("keyId", found.id().toString(),
                        "secret", Base64.getEncoder().encodeToString(found.secret()))))
                .orElseGet(() -> Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such root key",
                        "root key " + id + " does not exist here; a macaroon's keyId names its key"));
    }
}
