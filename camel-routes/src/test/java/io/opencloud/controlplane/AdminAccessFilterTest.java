package io.opencloud.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The administrative API refuses a request that does not come from the loopback, while what peers need stays open:
 * the test calls the control plane at this machine's own non-loopback address, as a peer on the network would.
 */
class AdminAccessFilterTest extends ControlPlaneTestBase {

    @Test
    void aRequestFromTheNetworkIsRefusedTheAdministrativeApiButReachesWhatPeersUse() throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
        String base = "http://" + external.get().getHostAddress() + ":" + port;
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> networks = client.send(HttpRequest.newBuilder(URI.create(base + "/networks")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> identity = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/federation/identity")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(networks.statusCode()).isEqualTo(403);
            assertThat(networks.body()).contains("admin-only").contains("OPENCLOUD_ADMIN_TOKEN");
            assertThat(identity.statusCode()).isEqualTo(200);
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
