package io.opencloud.controlplane.access;

import io.opencloud.functions.web.Problems;
import java.net.URI;
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

    public TenantsController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A new tenant: {@code {"name": "...", "resources": ["s3://results/"]}}. */
    public record NewTenant(String name, List<String> resources) {
    }

    /** A new account: {@code {"name": "...", "role": "MEMBER"}}, and for a person an optional password. */
    public record NewAccount(String name, String role, String password) {
    }

    @PostMapping
    @PlatformAdmin
    public ResponseEntity<?> create(@RequestBody NewTenant tenant, Caller caller) {
        if (tenant == null || tenant.name() == null || !NAME.matcher(tenant.name()).matches()) {
            return invalid("name", "a tenant's name is 1 to 63 lower-case letters, digits and dashes");
        }
        List<String> resources = tenant.resources() == null ? List.of() : tenant.resources();
        if (resources.stream().anyMatch(r -> r == null || r.isBlank() || r.contains(".."))) {
            return invalid("resources", "each resource prefix is a non-empty URI prefix without \"..\"");
        }
        if (!accounts.createTenant(tenant.name(), resources, caller.subject())) {
            return Problems.of(HttpStatus.CONFLICT, "tenant-exists", "Tenant exists",
                    "a tenant named " + tenant.name() + " exists already");
        }
        return ResponseEntity.created(URI.create("/tenants/" + tenant.name()))
                .body(accounts.tenant(tenant.name()).orElseThrow());
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

    @PostMapping("/{name}/clients")
    @Requires(Role.ADMIN)
    public ResponseEntity<?> createClient(@PathVariable String name, @RequestBody NewAccount account,
                                          Caller caller) {
        return create(name, account, caller, Account.Kind.CLIENT);
    }

    @PostMapping("/{name}/users")
    @Requires(Role.ADMIN)
    public ResponseEntity<?> createUser(@PathVariable String name, @RequestBody NewAccount account, Caller caller) {
        return create(name, account, caller, Account.Kind.USER);
    }

    private ResponseEntity<?> create(String tenant, NewAccount account, Caller caller, Account.Kind kind) {
        if (visible(tenant, caller).isEmpty()) {
            return noSuchTenant(tenant);
        }
        if (account == null || account.name() == null || !NAME.matcher(account.name()).matches()) {
            return invalid("name", "an account's name is 1 to 63 lower-case letters, digits and dashes");
        }
        Optional<Role> role = roleOf(account.role());
        if (role.isEmpty()) {
            return invalid("role", "role is one of " + List.of(Role.values()));
        }
        boolean grantable = role.get() == Role.SERVICE ? caller.platformAdmin()
                : caller.platformAdmin() || caller.may(role.get());
        if (!grantable) {
            return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "you may not grant the role "
                    + role.get());
        }
        if (kind == Account.Kind.USER && account.password() != null && account.password().length() < 12) {
            return invalid("password", "a password has at least 12 characters");
        }
        Optional<String> secret = kind == Account.Kind.CLIENT
                ? accounts.createClient(tenant, account.name(), role.get(), null, caller.subject())
                : accounts.createUser(tenant, account.name(), role.get(), account.password(), caller.subject());
        if (secret.isEmpty()) {
            return Problems.of(HttpStatus.CONFLICT, "account-exists", "Account exists",
                    "an account named " + account.name() + " exists already");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", account.name());
        body.put("kind", kind.name());
        body.put("tenant", tenant);
        body.put("role", role.get().name());
        if (kind == Account.Kind.CLIENT) {
            body.put("clientId", account.name());
            body.put("clientSecret", secret.get());
        } else if (account.password() == null) {
            body.put("password", secret.get());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
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
