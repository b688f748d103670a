package io.opencloud.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void textIsDecodedAndBytesThatAreNotUtf8AreRefused() {
        assertThat(Utf8.decode("/partners/søren".getBytes(StandardCharsets.UTF_8))).contains("/partners/søren");
        assertThat(Utf8.decode(new byte[] {(byte) 0xc3, 0x28})).isEmpty();
        assertThat(Utf8.decode(new byte[] {(byte) 0xff})).isEmpty();
    }
}
