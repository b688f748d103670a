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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Without an access token nothing but what peers and other systems need is reached, however the path is spelled and
 * whatever address the request comes from: the test calls the control plane at this machine's own non-loopback
 * address, as anyone on the network would, and at the loopback, which is no longer trusted.
 */
class AccessFromTheNetworkTest extends ControlPlaneTestBase {

    @Test
    void anAnonymousRequestFromTheNetworkReachesOnlyWhatPeersUse() throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
        String base = "http://" + external.get().getHostAddress() + ":" + port;
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (String path : List.of("/networks", "/networks;x", "/%6eetworks", "/admin;/identity",
                    "/%61dmin/identity", "/sagas", "/provider/macaroons;", "/catalog;x")) {
                HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // The firewall refuses ; and encoded spellings outright (400); the plain paths need a token.
                assertThat(refused.statusCode()).as(path).isIn(400, 401);
                if (refused.statusCode() == 401) {
                    assertThat(refused.body()).as(path).contains("unauthenticated");
                }
            }
            HttpResponse<String> issue = client.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.issueEvent(id(), "s3://", "write", 31536000)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(issue.statusCode()).as("an anonymous macaroon request").isEqualTo(401);
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
    void theLoopbackIsNotTrusted() {
        assertThat(http().anonymous().get("/networks").statusCode()).isEqualTo(401);
        assertThat(http().anonymous().get("/admin/identity").statusCode()).isEqualTo(401);
        assertThat(http().get("/networks").statusCode()).as("with the administrator's token").isEqualTo(200);
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
