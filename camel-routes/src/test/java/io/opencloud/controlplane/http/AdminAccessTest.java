package io.opencloud.controlplane.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which paths are administrative, and who may use them: the loopback where it is trusted, and the bearer of the
 * admin token from anywhere; never a peer reaching the paths federation needs open.
 */
class AdminAccessTest {

    private static final AdminProperties LOOPBACK_ONLY = new AdminProperties("", true);
    private static final AdminProperties TOKEN_ONLY = new AdminProperties("s3cret-token", false);

    @Test
    void guardsTheAdministrativePathsAndLeavesWhatPeersUseOpen() {
        assertThat(AdminAccess.guards("/networks")).isTrue();
        assertThat(AdminAccess.guards("/networks/3b2f/membership")).isTrue();
        assertThat(AdminAccess.guards("/grants/abc/def/token")).isTrue();
        assertThat(AdminAccess.guards("/provider/macaroons")).isTrue();
        assertThat(AdminAccess.guards("/provider/macaroons/0c6e1f5a")).isTrue();
        assertThat(AdminAccess.guards("/admin/identity")).isTrue();
        assertThat(AdminAccess.guards("/catalog")).isTrue();
        assertThat(AdminAccess.guards("/users/ana/favourites")).isTrue();
        assertThat(AdminAccess.guards("/peers")).isTrue();

        assertThat(AdminAccess.guards("/events")).isFalse();
        assertThat(AdminAccess.guards("/federation/identity")).isFalse();
        assertThat(AdminAccess.guards("/provider/macaroons/validate")).isFalse();
        assertThat(AdminAccess.guards("/provider/tokens")).isFalse();
        assertThat(AdminAccess.guards("/provider/tokens/exchange")).isFalse();
        assertThat(AdminAccess.guards("/networksx")).isFalse();
        assertThat(AdminAccess.guards("/catalogue")).isFalse();
    }

    @Test
    void letsInTheLoopbackWhereTrustedAndTheTokenFromAnywhere() {
        assertThat(AdminAccess.refusal(LOOPBACK_ONLY, "127.0.0.1", null)).isEmpty();
        assertThat(AdminAccess.refusal(LOOPBACK_ONLY, "0:0:0:0:0:0:0:1", null)).isEmpty();
        assertThat(AdminAccess.refusal(LOOPBACK_ONLY, "10.1.2.3", null)).hasValueSatisfying(reason ->
                assertThat(reason).contains("loopback").contains("OPENCLOUD_ADMIN_TOKEN"));
        assertThat(AdminAccess.refusal(LOOPBACK_ONLY, "10.1.2.3", "Bearer anything")).isPresent();

        assertThat(AdminAccess.refusal(TOKEN_ONLY, "127.0.0.1", null)).as("behind a queue proxy").isPresent();
        assertThat(AdminAccess.refusal(TOKEN_ONLY, "10.1.2.3", "Bearer s3cret-token")).isEmpty();
        assertThat(AdminAccess.refusal(TOKEN_ONLY, "10.1.2.3", "Bearer s3cret-tokem")).hasValueSatisfying(reason ->
                assertThat(reason).contains("Authorization: Bearer"));
        assertThat(AdminAccess.refusal(TOKEN_ONLY, "10.1.2.3", "Basic s3cret-token")).isPresent();
    }
}
