package io.opencloud.controlplane.federation.catalog;

import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.provision.RequestRefusedException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /users/{user}/favourites}: a user's favourite resources. {@code PUT .../{provider}/{name}} adds one the
 * catalog shows, {@code DELETE} removes it, {@code GET} lists them with the catalog's entry, or
 * {@code "available": false} when the resource is no longer visible (its provider stopped sharing it, or left).
 */
@RestController
@Requires(Role.VIEWER)
@RequestMapping("/users/{user}/favourites")
public class FavouritesController {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    /** A favourite, with the resource as the catalog shows it now, when it still does. */
    public record FavouriteView(String ref, OffsetDateTime addedAt, boolean available, CatalogEntry resource) {
    }

    private final Favourites favourites;
    private final Catalog catalog;

    public FavouritesController(Favourites favourites, Catalog catalog) {
        this.favourites = favourites;
        this.catalog = catalog;
    }

    @GetMapping
    public List<FavouriteView> list(@PathVariable String user, Caller caller) {
        checkUser(user, caller);
        List<CatalogEntry> entries = catalog.entries();
        return favourites.of(user).stream().map(favourite -> {
            CatalogEntry entry = entries.stream().filter(e -> e.ref().equals(favourite.ref())).findFirst()
                    .orElse(null);
            return new FavouriteView(favourite.ref(), favourite.addedAt(), entry != null, entry);
        }).toList();
    }

    @PutMapping("/{provider}/{name}")
    public ResponseEntity<FavouriteView> add(@PathVariable String user, @PathVariable String provider,
                                             @PathVariable String name, Caller caller) {
        checkUser(user, caller);
        String ref = provider + "/" + name;
        CatalogEntry entry = catalog.find(ref).orElseThrow(() -> RequestRefusedException.notFound("resource " + ref
                + " in this control plane's catalog"));
        favourites.add(user, provider, name);
        Favourites.Favourite added = favourites.of(user).stream().filter(f -> f.ref().equals(ref)).findFirst()
                .orElseThrow();
        return ResponseEntity.ok(new FavouriteView(ref, added.addedAt(), true, entry));
    }

    @DeleteMapping("/{provider}/{name}")
    public ResponseEntity<Void> remove(@PathVariable String user, @PathVariable String provider,
                                       @PathVariable String name, Caller caller) {
        checkUser(user, caller);
        favourites.remove(user, provider, name);
        return ResponseEntity.noContent().build();
    }

    /** A user's favourites are that user's own: anyone else is told there is no such user. */
    private static void checkUser(String user, Caller caller) {
        if (!USER.matcher(user).matches()) {
            throw RequestRefusedException.invalid(List.of("user: letters, digits and . _ @ -, 1 to 128 long"));
        }
        if (!user.equals(caller.subject()) && !caller.platformAdmin()) {
            throw RequestRefusedException.notFound("user " + user);
        }
    }
}
