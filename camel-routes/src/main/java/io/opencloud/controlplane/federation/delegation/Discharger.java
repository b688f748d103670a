package io.opencloud.controlplane.federation.delegation;

import com.github.nitram509.jmacaroons.CaveatPacket;
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
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Vouches, as the holder, for a macaroon a provider granted this control plane: opens the third-party caveat the
 * provider sealed for it, checks that it asks for this control plane, and makes the discharge, valid five minutes and
 * bound to that very macaroon (so it cannot be used with another). Only a grant this control plane holds, or an
 * attenuation of it, is discharged; and a caveat sealed for another control plane cannot be opened here anyway.
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

    /**
     * The bound discharges of every caveat this control plane must vouch for, base64url, for a macaroon that is the
     * held grant or an attenuation of it: so that whoever reaches this API cannot get a discharge for anything else.
     */
    public List<String> discharge(HeldGrant grant, String serialized) {
        Macaroon macaroon;
        try {
            macaroon = MacaroonCodec.decode(serialized);
        } catch (IllegalArgumentException e) {
            throw RequestRefusedException.invalid(List.of("macaroon: " + e.getMessage()));
        }
        if (!derivedFrom(MacaroonCodec.decode(grant.macaroon()), macaroon)) {
            throw new RequestRefusedException(HttpStatus.FORBIDDEN, "not-the-grant", List.of("the macaroon is neither"
                    + " grant " + grant.id() + " nor an attenuation of it by first-party caveats"));
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

    /**
     * Whether {@code presented} is {@code held} with first-party caveats added: same identifier, the held caveats
     * first, and the signature that adding the others to the held one gives.
     */
    private static boolean derivedFrom(Macaroon held, Macaroon presented) {
        CaveatPacket[] heldPackets = held.caveatPackets;
        CaveatPacket[] presentedPackets = presented.caveatPackets;
        if (!held.identifier.equals(presented.identifier) || presentedPackets.length < heldPackets.length) {
            return false;
        }
        for (int i = 0; i < heldPackets.length; i++) {
            if (heldPackets[i].getType() != presentedPackets[i].getType()
                    || !Arrays.equals(heldPackets[i].getRawValue(), presentedPackets[i].getRawValue())) {
                return false;
            }
        }
        MacaroonsBuilder rebuilt = MacaroonsBuilder.modify(held);
        for (int i = heldPackets.length; i < presentedPackets.length; i++) {
            if (presentedPackets[i].getType() != CaveatPacket.Type.cid) {
                return false;
            }
            rebuilt.addCaveat(presentedPackets[i].getValueAsText());
        }
        return rebuilt.getMacaroon().signature.equals(presented.signature);
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
