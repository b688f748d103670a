package io.opencloud.controlplane.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencloud.functions.storage.StorageProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which credential sets, buckets and prefixes a tenant's requests may name as destinations. */
class CredentialSetsTest {

    private static final CredentialSets SETS = new CredentialSets(new StorageProperties(Map.of(
            "partner", new StorageProperties.Credentials("https://s3.partner.example", "a", "b", null, List.of("red")),
            "internal", new StorageProperties.Credentials("https://s3.internal.example", "a", "b", null, null)),
            DataSize.ofMegabytes(16)));
    private static final Caller RED = new Caller("ana", "red", Role.MEMBER, "cli", null);
    private static final Caller BLUE = new Caller("bo", "blue", Role.ADMIN, "cli", null);
    private static final Caller PLATFORM = new Caller("admin", Caller.PLATFORM_TENANT, Role.MEMBER, "cli", null);

    @Test
    void aSetIsForTheTenantsItListsAndThePlatform() {
        assertThat(SETS.usable("partner", RED)).isTrue();
        assertThat(SETS.usable("partner", BLUE)).isFalse();
        assertThat(SETS.usable("internal", RED)).as("a set listing no tenant is the platform's").isFalse();
        assertThat(SETS.usable("internal", PLATFORM)).isTrue();
        assertThat(SETS.usable("nonexistent", RED)).isFalse();
        assertThat(SETS.refusal("partner", "any", "x", "opencloud", BLUE)).hasValueSatisfying(reason ->
                assertThat(reason).contains("not the tenant blue's"));
    }

    @Test
    void theOwnStoreIsSharedUnderATenantsOwnPrefix() {
        assertThat(SETS.refusal("local", "opencloud", "red/alps", "opencloud", RED)).isEmpty();
        assertThat(SETS.refusal("local", "opencloud", "red", "opencloud", RED)).isEmpty();
        assertThat(SETS.refusal("local", "opencloud", "blue/alps", "opencloud", RED)).isPresent();
        assertThat(SETS.refusal("local", "opencloud", "redder/alps", "opencloud", RED)).isPresent();
        assertThat(SETS.refusal("local", "opencloud-market-x", "red/alps", "opencloud", RED)).isPresent();
        assertThat(SETS.refusal("local", "opencloud", null, "opencloud", RED)).isPresent();
        assertThat(SETS.refusal("local", "anything", null, "opencloud", PLATFORM)).isEmpty();
    }
}
