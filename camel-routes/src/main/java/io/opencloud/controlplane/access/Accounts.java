package io.opencloud.controlplane.access;

import io.opencloud.functions.secrets.RandomText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;

/**
 * Tenants and their accounts. A machine account is also a client of the embedded authorization server (client
 * credentials grant, secret kept only as a hash); a person's password is kept only as a hash. Secrets are made here
 * and shown once, to whoever created the account.
 */
@Repository
public class Accounts {

    /** The scope a device (a CLI) asks for: the control plane's API, with the person's own rights. */
    public static final String API_SCOPE = "api";

    private static final int SECRET_BYTES = 32;

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final Duration tokenLifetime;

    public Accounts(JdbcClient jdbc, RegisteredClientRepository clients, PasswordEncoder passwords,
                    AuthProperties properties) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.passwords = passwords;
        this.tokenLifetime = properties.tokenLifetime();
    }

    /** @return false when a tenant of that name exists already */
    public boolean createTenant(String name, List<String> resources, String createdBy) {
        return jdbc.sql("INSERT INTO tenant (name, resources, created_by) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(name, resources.toArray(String[]::new), createdBy).update() == 1;
    }

    public Optional<Tenant> tenant(String name) {
        return jdbc.sql("SELECT name, resources, created_by, created_at FROM tenant WHERE name = ?").param(name)
                .query(Accounts::tenantOf).optional();
    }

    public List<Tenant> tenants() {
        return jdbc.sql("SELECT name, resources, created_by, created_at FROM tenant ORDER BY name")
                .query(Accounts::tenantOf).list();
    }

    public Optional<Account> find(String name) {
        return jdbc.sql("SELECT name, kind, tenant, role FROM account WHERE name = ?").param(name)
                .query((rs, n) -> new Account(rs.getString(1), Account.Kind.valueOf(rs.getString(2)), rs.getString(3),
                        Role.valueOf(rs.getString(4)))).optional();
    }

    public List<Account> of(String tenant) {
        return jdbc.sql("SELECT name, kind, tenant, role FROM account WHERE tenant = ? ORDER BY name").param(tenant)
                .query((rs, n) -> new Account(rs.getString(1), Account.Kind.valueOf(rs.getString(2)), rs.getString(3),
                        Role.valueOf(rs.getString(4)))).list();
    }

    /** The person's password hash, for logging in. */
    public Optional<String> passwordHash(String user) {
        return jdbc.sql("SELECT password_hash FROM account WHERE name = ? AND kind = 'USER'").param(user)
                .query(String.class).optional();
    }

    /**
     * Creates a machine account and its client; {@code secret} null makes a random one.
     *
     * @return the client's secret, or empty when the name is taken
     */
    public Optional<String> createClient(String tenant, String name, Role role, String secret, String createdBy) {
        if (!insert(name, Account.Kind.CLIENT, tenant, role, null, createdBy)) {
            return Optional.empty();
        }
        String clientSecret = secret != null ? secret : RandomText.base64url(SECRET_BYTES);
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(name)
                .clientName(name + " (" + tenant + ")")
                .clientSecret(passwords.encode(clientSecret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
                .build());
        return Optional.of(clientSecret);
    }

    /**
     * Creates a person's account; {@code password} null makes a random one.
     *
     * @return the password, or empty when the name is taken
     */
    public Optional<String> createUser(String tenant, String name, Role role, String password, String createdBy) {
        String chosen = password != null ? password : RandomText.base64url(SECRET_BYTES);
        return insert(name, Account.Kind.USER, tenant, role, passwords.encode(chosen), createdBy)
                ? Optional.of(chosen) : Optional.empty();
    }

    /**
     * Registers a public client people log in through (no secret; PKCE or the device flow proves the caller), unless
     * it exists: the web console with the authorization code grant, the CLI with the device code grant.
     */
    public void registerPublicClient(String clientId, AuthorizationGrantType grant, String redirectUri) {
        if (clients.findByClientId(clientId) != null) {
            return;
        }
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(grant)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .clientSettings(ClientSettings.builder().requireProofKey(
                        grant == AuthorizationGrantType.AUTHORIZATION_CODE).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build());
        // OpenID Connect belongs to the browser's login; the device flow takes no openid scope, so a CLI asks for the
        // API as a whole, which the person consents to.
        if (redirectUri != null) {
            client.redirectUri(redirectUri).scope("openid");
        } else {
            client.scope(API_SCOPE);
        }
        clients.save(client.build());
    }

    private boolean insert(String name, Account.Kind kind, String tenant, Role role, String passwordHash,
                           String createdBy) {
        return jdbc.sql("""
                        INSERT INTO account (name, kind, tenant, role, password_hash, created_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(name, kind.name(), tenant, role.name(), passwordHash, createdBy).update() == 1;
    }

    private static Tenant tenantOf(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }
}
