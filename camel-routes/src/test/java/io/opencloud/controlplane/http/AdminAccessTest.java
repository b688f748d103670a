package io.opencloud.controlplane.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Who may use the administrative endpoints: the loopback where it is trusted and no proxy forwarded the request, and
 * the bearer of the admin token from anywhere.
 */
class AdminAccessTest {

    private static final String TOKEN = "s3cret-token";

    @Test
    void letsInTheLoopbackWhereTrustedAndNotThroughAProxy() {
        assertThat(AdminAccess.refusal("", true, "127.0.0.1", false, null)).isEmpty();
        assertThat(AdminAccess.refusal("", true, "0:0:0:0:0:0:0:1", false, null)).isEmpty();
        assertThat(AdminAccess.refusal("", true, "127.0.0.1", true, null)).as("a proxy on this machine").isPresent();
        assertThat(AdminAccess.refusal("", false, "127.0.0.1", false, null)).as("behind a queue proxy").isPresent();
        assertThat(AdminAccess.refusal("", true, "10.1.2.3", false, null)).hasValueSatisfying(reason ->
                assertThat(reason).contains("loopback").contains("OPENCLOUD_ADMIN_TOKEN"));
        assertThat(AdminAccess.refusal("", true, "10.1.2.3", false, "Bearer ")).as("no token set, none matches")
                .isPresent();
    }

    @Test
    void letsInTheBearerOfTheTokenFromAnywhere() {
        assertThat(AdminAccess.refusal(TOKEN, false, "10.1.2.3", true, "Bearer s3cret-token")).isEmpty();
        assertThat(AdminAccess.refusal(TOKEN, false, "10.1.2.3", false, "Bearer s3cret-tokem"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("Authorization: Bearer"));
        assertThat(AdminAccess.refusal(TOKEN, false, "10.1.2.3", false, "Basic s3cret-token")).isPresent();
        assertThat(AdminAccess.refusal(TOKEN, false, "10.1.2.3", false, null)).isPresent();
    }
}
