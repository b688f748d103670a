package io.opencloud.controlplane.federation.delegation;

import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.federation.catalog.CatalogResources;
import io.opencloud.controlplane.access.Public;
import io.opencloud.controlplane.provision.JsonBodies;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.functions.macaroon.VerifyMacaroonRequest.AccessRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /provider}: this control plane's compute-provider API, for the macaroons it delegates to peers. Creating,
 * listing and revoking grants is administrative; validation and the tokens are open to the peers that present them.
 * <ul>
 *   <li>{@code POST /provider/macaroons} creates one for a peer, resource, action and time window
 *       ({@code notBefore}, default now; {@code expiresAt}, or {@code ttlSeconds} from {@code notBefore});</li>
 *   <li>{@code GET /provider/macaroons[/{id}]} gets them; {@code DELETE /provider/macaroons/{id}} revokes one;</li>
 *   <li>{@code POST /provider/macaroons/validate} checks a macaroon and its discharges against a request;</li>
 *   <li>{@code POST /provider/tokens} requests a remote-execution token: a valid macaroon with its discharges buys a
 *       one-use request token, good for a minute;</li>
 *   <li>{@code POST /provider/tokens/exchange} exchanges it, once, for an access token bound to the resource and
 *       action, good until the grant expires and for an hour at most;
 *       {@code POST /provider/tokens/introspect} says whether a token is active and what it allows.</li>
 * </ul>
 */
@RestController
@RequestMapping("/provider")
@Requires(Role.ADMIN)
public class ProviderController {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final Duration REQUEST_TOKEN_LIFE = Duration.ofMinutes(1);
    private static final Duration ACCESS_TOKEN_LIFE = Duration.ofHours(1);

    private final GrantIssuer issuer;
    private final Grants grants;
    private final GrantVerifier verifier;
    private final ExecutionTokens tokens;
    private final JsonMapper json;
    private final CatalogResources resources;

    public ProviderController(GrantIssuer issuer, Grants grants, GrantVerifier verifier, ExecutionTokens tokens,
                              JsonMapper json, CatalogResources resources) {
        this.resources = resources;
        this.issuer = issuer;
        this.grants = grants;
        this.verifier = verifier;
        this.tokens = tokens;
        this.json = json;
    }

    @PostMapping("/macaroons")
    public ResponseEntity<Grant> create(@RequestBody(required = false) String text, Caller caller) {
        JsonNode body = JsonBodies.object(json, text);
        List<String> faults = new ArrayList<>();
        String peer = body.path("peer").asString(null);
        if (peer == null || peer.isBlank()) {
            faults.add("peer: the peer id of the control plane the macaroon is for (GET /peers)");
        }
        String resource = body.path("resource").asString(null);
        if (resource == null || resource.isBlank() || resource.contains(" ")) {
            faults.add("resource: the name of one of this control plane's resources, or a path below it");
        }
        String action = body.path("action").asString(null);
        if (action == null || !ACTION.matcher(action).matches()) {
            faults.add("action: lower-case letters, digits and _ . -, starting with a letter, for example execute");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notBefore = instant(body, "notBefore", now, faults);
        Instant expiresAt = body.has("ttlSeconds") ? ttl(body, notBefore == null ? now : notBefore, faults)
                : instant(body, "expiresAt", null, faults);
        if (expiresAt == null && faults.isEmpty()) {
            faults.add("expiresAt: when the macaroon expires (RFC 3339), or ttlSeconds");
        }
        if (notBefore != null && expiresAt != null && !notBefore.isBefore(expiresAt)) {
            faults.add("expiresAt: must come after notBefore");
        }
        if (!faults.isEmpty()) {
            throw RequestRefusedException.invalid(faults);
        }
        if (!ownResource(resource, caller)) {
            throw RequestRefusedException.notFound("resource " + GrantShares.rootOf(resource)
                    + " in your tenant's part of this control plane's catalog");
        }
        Grant grant = issuer.issue(peer, resource, action, notBefore, expiresAt);
        return ResponseEntity.created(URI.create("/provider/macaroons/" + grant.id())).body(grant);
    }

    @GetMapping("/macaroons")
    public List<Grant> list(Caller caller) {
        Map<String, String> tenants = resources.tenants();
        return grants.all().stream().filter(grant -> caller.sees(tenants.getOrDefault(
                GrantShares.rootOf(grant.resource()), Caller.PLATFORM_TENANT))).toList();
    }

    @GetMapping("/macaroons/{id}")
    public Grant get(@PathVariable String id, Caller caller) {
        return grants.find(uuid(id)).filter(grant -> ownResource(grant.resource(), caller))
                .orElseThrow(() -> RequestRefusedException.notFound("macaroon " + id));
    }

    @DeleteMapping("/macaroons/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String id, Caller caller) {
        grants.revoke(get(id, caller).id());
        return ResponseEntity.noContent().build();
    }

    /**
     * A grant belongs to the tenant of the catalog resource it is for: that tenant's admins issue, see and revoke it. A
     * resource not (or no longer) in the catalog is the platform's.
     */
    private boolean ownResource(String resource, Caller caller) {
        return caller.sees(resources.tenantOf(GrantShares.rootOf(resource)).orElse(Caller.PLATFORM_TENANT));
    }

    @Public("the caller proves its right with the macaroon (and its discharge) or the token it sends")
    @PostMapping("/macaroons/validate")
    public GrantCheck validate(@RequestBody(required = false) String text) {
        return check(JsonBodies.object(json, text));
    }

    @Public("the caller proves its right with the macaroon (and its discharge) or the token it sends")
    @PostMapping("/tokens")
    public ResponseEntity<Map<String, Object>> requestToken(@RequestBody(required = false) String text) {
        GrantCheck check = check(JsonBodies.object(json, text));
        if (!check.valid()) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "macaroon-refused", List.of(check.reason()));
        }
        Instant expiresAt = Instant.now().plus(REQUEST_TOKEN_LIFE);
        String token = tokens.issue(ExecutionTokens.REQUEST, UUID.fromString(check.grant()), check.resource(),
                check.action(), expiresAt);
        return ResponseEntity.status(HttpStatus.CREATED).body(ordered("token", token, "tokenType", "request",
                "expiresAt", expiresAt.toString(), "grant", check.grant(), "peer", check.peer(),
                "resource", check.resource(), "action", check.action()));
    }

    @Public("the caller proves its right with the macaroon (and its discharge) or the token it sends")
    @PostMapping("/tokens/exchange")
    @Transactional
    public Map<String, Object> exchange(@RequestBody(required = false) String text) {
        String token = JsonBodies.object(json, text).path("token").asString("");
        ExecutionTokens.Token request = tokens.find(token).filter(t -> ExecutionTokens.REQUEST.equals(t.kind()))
                .orElseThrow(() -> new RequestRefusedException(HttpStatus.FORBIDDEN, "unknown-token",
                        List.of("token: not a request token this provider issued")));
        if (request.expiresAt().toInstant().isBefore(Instant.now())) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "expired-token",
                    List.of("the request token expired at " + request.expiresAt() + "; request another"));
        }
        Grant grant = grants.find(request.grant()).orElseThrow();
        if (grant.revokedAt() != null) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "revoked-grant",
                    List.of("the grant was revoked at " + grant.revokedAt()));
        }
        if (!tokens.exchangeOnce(token)) {
            throw RequestRefusedException.conflict("the request token was already exchanged at "
                    + tokens.find(token).orElseThrow().exchangedAt() + "; a request token is good once");
        }
        Instant expiresAt = earliest(grant.expiresAt().toInstant(), Instant.now().plus(ACCESS_TOKEN_LIFE));
        String access = tokens.issue(ExecutionTokens.ACCESS, grant.id(), request.resource(), request.action(),
                expiresAt);
        return ordered("accessToken", access, "tokenType", "Bearer", "expiresAt", expiresAt.toString(),
                "grant", grant.id().toString(), "peer", grant.peer(), "resource", request.resource(),
                "action", request.action());
    }

    @Public("the caller proves its right with the macaroon (and its discharge) or the token it sends")
    @PostMapping("/tokens/introspect")
    public Map<String, Object> introspect(@RequestBody(required = false) String text) {
        String token = JsonBodies.object(json, text).path("token").asString("");
        return tokens.find(token).filter(t -> ExecutionTokens.ACCESS.equals(t.kind()))
                .filter(t -> t.expiresAt().toInstant().isAfter(Instant.now()))
                .filter(t -> grants.find(t.grant()).map(grant -> grant.revokedAt() == null).orElse(false))
                .map(t -> ordered("active", true, "grant", t.grant().toString(), "resource", t.resource(),
                        "action", t.action(), "expiresAt", t.expiresAt().toString()))
                .orElseGet(() -> ordered("active", false));
    }

    private GrantCheck check(JsonNode body) {
        List<String> faults = new ArrayList<>();
        String macaroon = body.path("macaroon").asString(null);
        if (macaroon == null) {
            faults.add("macaroon: the macaroon, V2 binary, base64url");
        }
        List<String> discharges = new ArrayList<>();
        body.path("discharges").forEach(discharge -> discharges.add(discharge.asString("")));
        String resource = body.path("request").path("resource").asString(null);
        String action = body.path("request").path("action").asString(null);
        if (resource == null || action == null) {
            faults.add("request: {resource, action}, what the bearer wants to do");
        }
        if (!faults.isEmpty()) {
            throw RequestRefusedException.invalid(faults);
        }
        return verifier.check(macaroon, discharges, new AccessRequest(resource, action));
    }

    private static Instant instant(JsonNode body, String member, Instant absent, List<String> faults) {
        if (!body.has(member)) {
            return absent;
        }
        try {
            return Instant.parse(body.get(member).asString(""));
        } catch (DateTimeParseException e) {
            faults.add(member + ": an RFC 3339 instant such as 2026-12-06T18:00:00Z");
            return null;
        }
    }

    private static Instant ttl(JsonNode body, Instant now, List<String> faults) {
        long seconds = body.get("ttlSeconds").asLong(0);
        if (!body.get("ttlSeconds").isIntegralNumber() || seconds < 1 || seconds > 31_536_000) {
            faults.add("ttlSeconds: a whole number of seconds from 1 to 31536000");
            return null;
        }
        return now.plusSeconds(seconds);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.notFound("macaroon " + id);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
