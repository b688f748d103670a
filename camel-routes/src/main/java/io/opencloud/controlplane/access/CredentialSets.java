package io.opencloud.controlplane.access;

import io.opencloud.functions.storage.StorageProperties;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which configured credential sets a caller may name as a destination: the platform tenant any of them; another
 * tenant those that list it ({@code opencloud.storage.credentials.<name>.tenants}), and the control plane's own store
 * ({@code local}) under a prefix of its own, {@code <tenant>/}, in the store's results bucket.
 */
@Component
public class CredentialSets {

    public static final String LOCAL = "local";

    private final StorageProperties storage;

    public CredentialSets(StorageProperties storage) {
        this.storage = storage;
    }

    /** Why the caller may not write to this destination, or empty when it may. */
    public Optional<String> refusal(String credentials, String bucket, String prefix, String resultsBucket,
                                    Caller caller) {
        if (Caller.PLATFORM_TENANT.equals(caller.tenant())) {
            return Optional.empty();
        }
        if (LOCAL.equals(credentials)) {
            String own = caller.tenant() + "/";
            boolean under = prefix != null && (prefix.equals(caller.tenant()) || prefix.startsWith(own));
            return resultsBucket.equals(bucket) && under && !prefix.contains("..")
                    ? Optional.empty()
                    : Optional.of("in the control plane's own store (credentials local) the tenant " + caller.tenant()
                            + " writes to the bucket " + resultsBucket + " under the prefix " + own);
        }
        return usable(credentials, caller) ? Optional.empty() : Optional.of("the credentials \"" + credentials
                + "\" are not the tenant " + caller.tenant() + "'s to use");
    }

    /** Whether the caller may name the credential set at all (a marketplace's, a destination's). */
    public boolean usable(String credentials, Caller caller) {
        if (LOCAL.equals(credentials) || Caller.PLATFORM_TENANT.equals(caller.tenant())) {
            return true;
        }
        StorageProperties.Credentials set = storage.credentials().get(credentials);
        return set != null && set.tenants().contains(caller.tenant());
    }
}
