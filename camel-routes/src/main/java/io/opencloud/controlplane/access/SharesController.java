package io.opencloud.controlplane.access;

import io.opencloud.functions.web.Problems;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /shares/{kind}/{id}}: an object its tenant shares with other tenants, as OpenNebula's group ACLs do. A tenant
 * it is shared with sees the object and uses it (an image in its templates, a template for its VMs, a marketplace to
 * import into and export from, a provider for its provisions), but cannot change or delete it. Kinds: provider,
 * provision, marketplace, app, image, template, service-template, vm. Only the owning tenant's members share.
 */
@RestController
@RequestMapping("/shares/{kind}/{id}")
public class SharesController {

    private final Ownership ownership;
    private final Accounts accounts;

    public SharesController(Ownership ownership, Accounts accounts) {
        this.ownership = ownership;
        this.accounts = accounts;
    }

    @GetMapping
    @Requires(Role.VIEWER)
    public ResponseEntity<?> list(@PathVariable String kind, @PathVariable String id, Caller caller) {
        return owned(kind, id, caller).<ResponseEntity<?>>map(owned -> ResponseEntity.ok(Map.of("kind", kind,
                "id", id, "tenants", ownership.sharesOf(owned, id)))).orElseGet(() -> noSuchObject(kind, id));
    }

    @PutMapping("/{tenant}")
    @Requires(Role.MEMBER)
    public ResponseEntity<?> share(@PathVariable String kind, @PathVariable String id, @PathVariable String tenant,
                                   Caller caller) {
        Optional<Owned> owned = owned(kind, id, caller);
        if (owned.isEmpty()) {
            return noSuchObject(kind, id);
        }
        if (accounts.tenant(tenant).isEmpty() || tenant.equals(caller.tenant())) {
            return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "tenant: " + tenant + " is no other tenant to share with");
        }
        boolean created = ownership.share(owned.get(), id, tenant, caller);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("kind", kind, "id", id, "tenants", ownership.sharesOf(owned.get(), id)));
    }

    @DeleteMapping("/{tenant}")
    @Requires(Role.MEMBER)
    public ResponseEntity<?> unshare(@PathVariable String kind, @PathVariable String id, @PathVariable String tenant,
                                     Caller caller) {
        Optional<Owned> owned = owned(kind, id, caller);
        if (owned.isEmpty()) {
            return noSuchObject(kind, id);
        }
        ownership.unshare(owned.get(), id, tenant);
        return ResponseEntity.noContent().build();
    }

    private Optional<Owned> owned(String kind, String id, Caller caller) {
        return Owned.named(kind).filter(owned -> ownership.owns(owned, id, caller));
    }

    private static ResponseEntity<?> noSuchObject(String kind, String id) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "your tenant has no " + kind + " " + id
                + (Owned.named(kind).isEmpty() ? "; kinds are provider, provision, marketplace, app, image,"
                + " template, service-template, vm" : ""));
    }
}
