package io.opencloud.controlplane.federation;

import io.opencloud.controlplane.federation.catalog.ShareAnnouncements;
import io.opencloud.controlplane.federation.network.MembershipAnnouncer;
import io.opencloud.controlplane.federation.network.NetworkRow;
import io.opencloud.controlplane.federation.network.Networks;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a peer that was unreachable up to date once it answers again: events meant for it may have been given up
 * on while it was away ({@code opencloud.federation.give-up-after}), so it is sent, for every network in common, what
 * this control plane shares there and, where this control plane owns the network, the members; and this control
 * plane's card. All of them are numbered or dated, so a peer that had missed nothing changes nothing.
 */
@Component
public class PeerResync {

    private final Peers peers;
    private final Networks networks;
    private final ShareAnnouncements shares;
    private final MembershipAnnouncer members;
    private final CardAnnouncer cards;
    private final Identities identities;
    private final TransactionTemplate transactions;

    public PeerResync(Peers peers, Networks networks, ShareAnnouncements shares, MembershipAnnouncer members,
                      CardAnnouncer cards, Identities identities, TransactionTemplate transactions) {
        this.peers = peers;
        this.networks = networks;
        this.shares = shares;
        this.members = members;
        this.cards = cards;
        this.identities = identities;
        this.transactions = transactions;
    }

    /** The peer answered or sent a valid event; brings it up to date when it was unreachable until now. */
    public void answered(String peerId) {
        transactions.executeWithoutResult(status -> {
            if (peers.answered(peerId)) {
                resync(peerId);
            }
        });
    }

    private void resync(String peerId) {
        String self = identities.self().peerId();
        for (NetworkRow network : networks.all()) {
            if (networks.isMember(network.networkId(), peerId)) {
                shares.announceTo(network.networkId(), Set.of(peerId));
                if (self.equals(network.owner())) {
                    members.announce(network);
                }
            }
        }
        cards.announceTo(peerId);
    }
}
