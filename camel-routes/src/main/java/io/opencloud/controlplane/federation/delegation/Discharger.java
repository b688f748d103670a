package io.opencloud.controlplane.federation.delegation;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import io.opencloud.controlplane.federation.Identities;
import io.opencloud.controlplane.federation.Identity;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.functions.macaroon.Caveats;
import io.opencloud.functions.macaroon.MacaroonCodec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Vouches, as the holder, for a macaroon a provider granted this control plane: opens the third-party caveat the
 * provider sealed for it, checks that it asks for this control plane, and makes the discharge, valid five minutes and
 * bound to that very macaroon (so it cannot be used with another). A caveat sealed for another control plane cannot
 * be opened here, so a macaroon copied from its holder gets no discharge.
 */
@Component
public class Discharger {

    private static final Duration LIFE = Duration.ofMinutes(5);

    private final Identities identities;
    private final Peers peers;

    public Discharger(Identities identities, Peers peers) {
        this.identities = identities;
        this.peers = peers;
    }

    /** The bound discharges of every caveat of the macaroon this control plane must vouch for, base64url. */
    public List<String> discharge(String serialized) {
        Macaroon macaroon;
        try {
            macaroon = MacaroonCodec.decode(serialized);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid(List.of("macaroon: " + e.getMessage()));
        }
        Identity self = identities.self();
        List<String> mine = MacaroonCaveats.thirdParty(macaroon).stream()
                .filter(caveatId -> self.peerId().equals(CaveatIds.holderOf(caveatId))).toList();
        if (mine.isEmpty()) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "not-the-holder", List.of("the macaroon has no"
                    + " third-party caveat for this control plane (" + self.peerId() + ") to discharge"));
        }
        return mine.stream().map(caveatId -> dischargeOne(macaroon, caveatId, self)).toList();
    }

    private String dischargeOne(Macaroon macaroon, String caveatId, Identity self) {
        PeerCard provider = peers.card(CaveatIds.providerOf(caveatId)).orElseThrow(() -> new RequestRefusedException(
                HttpStatus.FORBIDDEN, "unknown-provider", List.of("the caveat names provider "
                + CaveatIds.providerOf(caveatId) + ", which is not a peer of this control plane")));
        CaveatIds.Opened opened;
        try {
            opened = CaveatIds.open(identities.agreementKey(), provider.agreementKeyBytes(), caveatId);
        } catch (IllegalArgumentException e) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "not-the-holder", List.of(e.getMessage()));
        }
        if (!opened.predicate().equals(GrantIssuer.PEER_PREDICATE + self.peerId())) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "not-the-holder", List.of("the caveat asks \""
                    + opened.predicate() + "\", which this control plane cannot vouch for"));
        }
        Macaroon discharge = new MacaroonsBuilder(self.endpoint(), opened.caveatKey(), caveatId)
                .addCaveat(Caveats.expires(Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(LIFE)))
                .getMacaroon();
        return MacaroonCodec.encode(MacaroonsBuilder.modify(macaroon).prepare_for_request(discharge).getMacaroon());
    }
}
