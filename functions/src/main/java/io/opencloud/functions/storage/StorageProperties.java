package io.opencloud.functions.storage;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code opencloud.storage}: named credential sets for destination endpoints
 * ({@code opencloud.storage.credentials.<name>.endpoint|access-key|secret-key|region|tenants}), so that events carry a name
 * and never a secret, and the part size above which objects are pushed as multipart uploads (S3's least is 5 MiB).
 * The name {@code local} always means the control plane's own object store.
 */
@ConfigurationProperties("opencloud.storage")
public record StorageProperties(Map<String, Credentials> credentials, @DefaultValue("16MB") DataSize partSize) {

    public StorageProperties {
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
        if (partSize.toBytes() < DataSize.ofMegabytes(5).toBytes()) {
            throw new IllegalArgumentException("opencloud.storage.part-size " + partSize + " is below S3's least part"
                    + " size, 5 MiB");
        }
    }

    /**
     * One credential set; {@link #toString()} leaves the secret out so that it never reaches a log.
     *
     * @param tenants the tenants whose requests may name it, besides the platform's ({@code tenants[0]=...})
     */
    public record Credentials(String endpoint, String accessKey, String secretKey, String region,
                              List<String> tenants) {

        public Credentials {
            tenants = tenants == null ? List.of() : List.copyOf(tenants);
        }

        @Override
        public String toString() {
            return "Credentials[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=***, tenants="
                    + tenants + "]";
        }
    }
}
