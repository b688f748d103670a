package io.opencloud.functions.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencloud.functions.storage.StorageProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DestinationPolicyTest {

    private final DestinationPolicy policy = new DestinationPolicy(new OutboundProperties(List.of("10.1.2.3:9000")),
            new StorageProperties(Map.of("partner", new StorageProperties.Credentials("http://127.0.0.1:9100", "a",
                    "b", null, List.of())), DataSize.ofMegabytes(16)), "http://localhost:8080/stac",
            () -> List.of("127.0.0.1:9300"));

    @Test
    void restrictedAddressesAreRefusedAndSayWhy() {
        for (String url : List.of("http://127.0.0.2:22/", "http://[::1]/", "http://10.0.0.1/", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/",
                "http://[fd00::1]/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/")) {
            assertThatThrownBy(() -> policy.check(URI.create(url))).as(url)
                    .isInstanceOf(DestinationRefusedException.class)
                    .hasMessageContaining("destination policy").hasMessageContaining("resolves to a");
        }
    }

    @Test
    void onlyHttpIsCalled() {
        assertThatThrownBy(() -> policy.check(URI.create("file:///etc/passwd")))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> policy.check(URI.create("gopher://example.org/")))
                .hasMessageContaining("only http and https");
    }

    @Test
    void whatTheOperatorConfiguredIsAllowed() {
        assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:9100/bucket"))).as("a credential set's endpoint")
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://localhost:8080/stac/search"))).as("the STAC catalog")
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://10.1.2.3:9000/"))).as("an allowed host and port")
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:9300/stac"))).as("this deployment's own")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create("http://10.1.2.3:9001/"))).as("another port of it")
                .isInstanceOf(DestinationRefusedException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:22/"))).as("another port of an endpoint")
                .isInstanceOf(DestinationRefusedException.class);
    }

    @Test
    void publicAddressesPass() {
        assertThat(DestinationPolicy.restricted(new java.net.InetSocketAddress("93.184.215.14", 80).getAddress()))
                .isNull();
        assertThat(DestinationPolicy.restricted(new java.net.InetSocketAddress("2606:4700::1", 80).getAddress()))
                .isNull();
    }
}
