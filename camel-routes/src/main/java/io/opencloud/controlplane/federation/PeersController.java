package io.opencloud.controlplane.federation;

import io.opencloud.controlplane.access.PlatformAdmin;
import io.opencloud.controlplane.provision.RequestRefusedException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /peers}: every control plane met through a network, with the networks in common, when it was last seen,
 * its health and, while it is unreachable, why.
 */
@RestController
@PlatformAdmin
@RequestMapping("/peers")
public class PeersController {

    private final Peers peers;

    public PeersController(Peers peers) {
        this.peers = peers;
    }

    @GetMapping
    public List<Peer> list() {
        return peers.all();
    }

    @GetMapping("/{peerId}")
    public Peer get(@PathVariable String peerId) {
        return peers.find(peerId).orElseThrow(() -> RequestRefusedException.notFound("peer " + peerId));
    }
}
