package io.opencloud.controlplane.access;

import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.functions.web.Problems;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenants and their accounts. Platform admins create tenants; a tenant's admins create its people and machines, with
 * any role up to their own (only a platform admin makes a {@code SERVICE} account). A secret or password made here
 * is in the answer once and nowhere else. Another tenant's accounts are answered 404, as if they did not exist.
 */
@RestController
@RequestMapping("/tenants")
public class TenantsController {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final Accounts accounts;
    private final JsonMapper json;

    public TenantsController(Accounts accounts, JsonMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    /** A new tenant: {@code {"name": "...", "resources": ["s3://results/"]}}. */
    @PostMapping
    @PlatformAdmin
    public ResponseEntity<?> create(@RequestBody(required = false) String text, Caller caller) {
        JsonNode body = JsonBodies.object(json, text);
        String name = body.path("name").asString(null);
        if (name == null || !NAME.matcher(name).matches()) {
            return invalid("name", "a tenant's name is 1 to 63 lower-case letters, digits and dashes");
        }
        JsonNode given = body.path("resources");
        List<String> resources = new ArrayList<>();
        given.forEach(resource -> resources.add(resource.isString() ? resource.asString() : ""));
        if (!given.isMissingNode() && !given.isArray()
                || resources.stream().anyMatch(r -> r.isBlank() || r.contains(".."))) {
            return invalid("resources", "a list of non-empty URI prefixes without \"..\"");
        }
        if (!accounts.createTenant(name, resources, caller.subject())) {
            return Problems.of(HttpStatus.CONFLICT, "tenant-exists", "Tenant exists",
                    "a tenant named " + name + " exists already");
        }
        return ResponseEntity.created(URI.create("/tenants/" + name)).body(accounts.tenant(name).orElseThrow());
    }

    @GetMapping
    @Requires(Role.VIEWER)
    public List<Tenant> list(Caller caller) {
        return accounts.tenants().stream().filter(t -> caller.sees(t.name())).toList();
    }

    @GetMapping("/{name}")
    @Requires(Role.VIEWER)
    public ResponseEntity<?> get(@PathVariable String name, Caller caller) {
        return visible(name, caller).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> noSuchTenant(name));
    }

    @GetMapping("/{name}/accounts")
    @Requires(Role.ADMIN)
    public ResponseEntity<?> accounts(@PathVariable String name, Caller caller) {
        if (visible(name, caller).isEmpty()) {
            return noSuchTenant(name);
        }
        return ResponseEntity.ok(accounts.of(name));
    }

    /** A new machine: {@code {"name": "...", "role": "MEMBER"}}. */
    @PostMapping("/{name}/clients")
    @Requires(Role.ADMIN)
    public ResponseEntity<?> createClient(@PathVariable String name, @RequestBody(required = false) String text,
                                          Caller caller) {
        return create(name, text, caller, Account.Kind.CLIENT);
    }

    /** A new person: {@code {"name": "...", "role": "MEMBER"}}, and an optional {@code password}. */
    @PostMapping("/{name}/users")
    @Requires(Role.ADMIN)
    public ResponseEntity<?> createUser(@PathVariable String name, @RequestBody(required = false) String text,
                                        Caller caller) {
        return create(name, text, caller, Account.Kind.USER);
    }

    private ResponseEntity<?> create(String tenant, String text, Caller caller, Account.Kind kind) {
        if (visible(tenant, caller).isEmpty()) {
            return noSuchTenant(tenant);
        }
        JsonNode body = JsonBodies.object(json, text);
        String accountName = body.path("name").asString(null);
        String password = body.path("password").asString(null);
        if (accountName == null || !NAME.matcher(accountName).matches()) {
            return invalid("name", "an account's name is 1 to 63 lower-case letters, digits and dashes");
        }
        Optional<Role> role = roleOf(body.path("role").asString(null));
        if (role.isEmpty()) {
            return invalid("role", "role is one of " + List.of(Role.values()));
        }
        boolean grantable = role.get() == Role.SERVICE ? caller.platformAdmin()
                : caller.platformAdmin() || caller.may(role.get());
        if (!grantable) {
            return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "you may not grant the role "
                    + role.get());
        }
        if (kind == Account.Kind.USER && password != null && password.length() < 12) {
            return invalid("password", "a password has at least 12 characters");
        }
        Optional<String> secret = kind == Account.Kind.CLIENT
                ? accounts.createClient(tenant, accountName, role.get(), null, caller.subject())
                : accounts.createUser(tenant, accountName, role.get(), password, caller.subject());
        if (secret.isEmpty()) {
            return Problems.of(HttpStatus.CONFLICT, "account-exists", "Account exists",
                    "an account named " + accountName + " exists already");
        }
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("name", accountName);
        created.put("kind", kind.name());
        created.put("tenant", tenant);
        created.put("role", role.get().name());
        if (kind == Account.Kind.CLIENT) {
            created.put("clientId", accountName);
            created.put("clientSecret", secret.get());
        } else if (password == null) {
            created.put("password", secret.get());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    private Optional<Tenant> visible(String name, Caller caller) {
        return caller.sees(name) ? accounts.tenant(name) : Optional.empty();
    }

    private static Optional<Role> roleOf(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Role.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<?> invalid(String field, String detail) {
        ResponseEntity<?> response = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                field + ": " + detail);
        return response;
    }

    private static ResponseEntity<?> noSuchTenant(String name) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-such-tenant", "No such tenant", "no tenant named " + name);
    }
}
