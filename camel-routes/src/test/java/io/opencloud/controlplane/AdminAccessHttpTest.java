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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The administrative API refuses a request that does not come from the loopback, however the path is spelled, while
 * what peers need stays open: the test calls the control plane at this machine's own non-loopback address, as a peer
 * on the network would.
 */
class AdminAccessHttpTest extends ControlPlaneTestBase {

    @Test
    void aRequestFromTheNetworkIsRefusedTheAdministrativeApiButReachesWhatPeersUse() throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
        String base = "http://" + external.get().getHostAddress() + ":" + port;
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (String path : List.of("/networks", "/networks;x", "/%6eetworks", "/admin;/identity",
                    "/%61dmin/identity", "/sagas", "/provider/macaroons;", "/catalog;x")) {
                HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.body()).as(path).contains("admin-only").contains("OPENCLOUD_ADMIN_TOKEN");
            }
            HttpResponse<String> identity = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/federation/identity")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(identity.statusCode()).isEqualTo(200);
            HttpResponse<String> validate = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/provider/macaroons/validate")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(validate.statusCode()).as("open to peers, and refuses the empty body itself").isEqualTo(400);
        }
    }

    @Test
    void aRequestThroughAProxyOnThisMachineIsNotTakenForALocalOne() {
        HttpResponse<String> proxied = http().get("/networks", Map.of("X-Forwarded-For", "203.0.113.9"));
        assertThat(proxied.statusCode()).isEqualTo(403);
        assertThat(http().get("/networks").statusCode()).isEqualTo(200);
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
