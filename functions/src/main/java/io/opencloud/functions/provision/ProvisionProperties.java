package io.opencloud.functions.provision;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opencloud.provision}: a directory of extra provider templates ({@code providers-dir}, added to the ones
 * shipped on the classpath under {@code providers/}), and where the {@code local} driver keeps the records of the
 * hosts, networks and datastores it creates ({@code local.records-dir}).
 */
@ConfigurationProperties("opencloud.provision")
public record ProvisionProperties(Path providersDir, Local local) {

    public ProvisionProperties {
        local = local == null ? new Local(null) : local;
    }

    public record Local(Path recordsDir) {

        public Local {
            recordsDir = recordsDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "opencloud-edge")
                    : recordsDir;
        }
    }
}
