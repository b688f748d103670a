package io.opencloud.controlplane.access;

import io.opencloud.infra.config.OpenCloudProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start's bootstrap: the platform tenant ({@value Caller#PLATFORM_TENANT}) with an administrator, as a
 * client (client credentials) and as a person (login), the control plane's own service client
 * ({@value #SERVICE_CLIENT}, role {@code SERVICE}), and the public clients of the web console and the CLI. The
 * credentials go to {@value #FILE} in the data directory, readable by the owner only, and are never logged; the log
 * says where they are. With {@code OPENCLOUD_ADMIN_CLIENT_SECRET} or {@code OPENCLOUD_SERVICE_CLIENT_SECRET} set (a
 * Kubernetes secret, a compose variable) that client gets that secret instead, and the file does not repeat it.
 * Several control planes starting on one database bootstrap once: the tenant's insert decides which.
 */
@Component
public class FirstAdministrator implements ApplicationRunner {

    public static final String FILE = "admin-credentials";
    public static final String ADMIN_CLIENT = "opencloud-admin";
    public static final String ADMIN_USER = "admin";
    public static final String SERVICE_CLIENT = "opencloud-control-plane";
    public static final String CONSOLE_CLIENT = "opencloud-console";
    public static final String CLI_CLIENT = "opencloud-cli";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Accounts accounts;
    private final AuthProperties properties;
    private final Path dataDir;
    private final TransactionTemplate tx;

    public FirstAdministrator(Accounts accounts, AuthProperties properties, OpenCloudProperties openCloud,
                              TransactionTemplate tx) {
        this.accounts = accounts;
        this.properties = properties;
        this.dataDir = openCloud.dataDir();
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        String given = properties.adminClientSecret().isBlank() ? null : properties.adminClientSecret();
        String givenService = properties.serviceClientSecret().isBlank() ? null : properties.serviceClientSecret();
        Optional<String[]> created = tx.execute(status -> {
            if (!accounts.createTenant(Caller.PLATFORM_TENANT, List.of(""), "bootstrap")) {
                return Optional.<String[]>empty();
            }
            if (properties.external()) {
                return Optional.<String[]>empty();
            }
            String clientSecret = accounts.createClient(Caller.PLATFORM_TENANT, ADMIN_CLIENT, Role.ADMIN, given,
                    "bootstrap").orElseThrow();
            String password = accounts.createUser(Caller.PLATFORM_TENANT, ADMIN_USER, Role.ADMIN, null, "bootstrap")
                    .orElseThrow();
            String serviceSecret = accounts.createClient(Caller.PLATFORM_TENANT, SERVICE_CLIENT, Role.SERVICE,
                    givenService, "bootstrap").orElseThrow();
            return Optional.of(new String[] {clientSecret, password, serviceSecret});
        });
        if (!properties.external()) {
            accounts.registerPublicClient(CONSOLE_CLIENT, AuthorizationGrantType.AUTHORIZATION_CODE,
                    "http://localhost:8080/console/callback");
            accounts.registerPublicClient(CLI_CLIENT, AuthorizationGrantType.DEVICE_CODE, null);
        }
        if (created.isEmpty()) {
            return;
        }
        log.info("First start: created the platform tenant {} with its administrator (client {}, user {}) and the"
                + " control plane's service client {}; their credentials (but those given in"
                + " OPENCLOUD_ADMIN_CLIENT_SECRET and OPENCLOUD_SERVICE_CLIENT_SECRET) are in {}, readable only by this"
                + " user", Caller.PLATFORM_TENANT,
                ADMIN_CLIENT, ADMIN_USER, SERVICE_CLIENT, write(given == null ? created.get()[0] : null,
                        created.get()[1], givenService == null ? created.get()[2] : null));
    }

    private Path write(String clientSecret, String password, String serviceSecret) {
        Path file = dataDir.resolve(FILE);
        StringBuilder text = new StringBuilder("""
                # The platform administrator's credentials, written once at the first start (source this file).
                # Get a token: curl -s -u "$OPENCLOUD_ADMIN_CLIENT_ID:$OPENCLOUD_ADMIN_CLIENT_SECRET" \\
                #   -d grant_type=client_credentials http://localhost:8080/oauth2/token
                """);
        text.append("OPENCLOUD_ADMIN_CLIENT_ID=").append(ADMIN_CLIENT).append('\n');
        if (clientSecret != null) {
            text.append("OPENCLOUD_ADMIN_CLIENT_SECRET=").append(clientSecret).append('\n');
        }
        text.append("OPENCLOUD_ADMIN_USER=").append(ADMIN_USER).append('\n');
        text.append("OPENCLOUD_ADMIN_PASSWORD=").append(password).append('\n');
        text.append("OPENCLOUD_SERVICE_CLIENT_ID=").append(SERVICE_CLIENT).append('\n');
        if (serviceSecret != null) {
            text.append("OPENCLOUD_SERVICE_CLIENT_SECRET=").append(serviceSecret).append('\n');
        }
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the administrator's credentials could not be written to " + file, e);
        }
    }
}
