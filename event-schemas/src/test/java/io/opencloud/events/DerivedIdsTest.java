package io.opencloud.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DerivedIdsTest {

    @Test
    void theSamePartsGiveTheSameIdAndTheLineBetweenThemCounts() {
        assertThat(DerivedIds.of("/partners/esa", "42")).isEqualTo(DerivedIds.of("/partners/esa", "42"))
                .isEqualTo(UUID.nameUUIDFromBytes("/partners/esa\n42".getBytes(StandardCharsets.UTF_8)).toString())
                .isNotEqualTo(DerivedIds.of("/partners/esa4", "2"));
    }
}
