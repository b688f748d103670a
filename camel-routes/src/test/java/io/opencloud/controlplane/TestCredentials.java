package io.opencloud.controlplane;

import java.util.Map;

/** The secrets every control plane of the tests bootstraps its administrator and service clients with. */
final class TestCredentials {

    static final String ADMIN_SECRET = "admin-secret-for-tests";
    static final String SERVICE_SECRET = "service-secret-for-tests";

    private TestCredentials() {
    }

    static Map<String, String> springProperties() {
        return Map.of("opencloud.auth.admin-client-secret", ADMIN_SECRET,
                "opencloud.auth.service-client-secret", SERVICE_SECRET);
    }
}
