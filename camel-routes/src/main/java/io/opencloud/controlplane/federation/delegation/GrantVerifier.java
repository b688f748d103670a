package io.opencloud.controlplane.federation.delegation;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsVerifier;
import io.opencloud.controlplane.federation.PeerCard;
import io.opencloud.controlplane.federation.Peers;
import io.opencloud.functions.macaroon.Caveats;
import io.opencloud.functions.macaroon.MacaroonCodec;
import io.opencloud.functions.macaroon.MacaroonIdentifier;
import io.opencloud.functions.macaroon.RootKey;
import io.opencloud.functions.macaroon.RootKeyStore;
import io.opencloud.functions.macaroon.VerifyMacaroonRequest.AccessRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks, as the provider, a macaroon it granted a peer, presented with discharges: issued here, not revoked, and
 * its resource still shared with a network the peer belongs to (a member that leaves loses its grants there);
 * every third-party caveat discharged, by a discharge bound to this macaroon; every signature intact; and every
 * first-party caveat, of the macaroon (the holder's attenuations included) and of the discharges, satisfied now.
 */
@Component
public class GrantVerifier {

    private final Grants grants;
    private final RootKeyStore keys;
    private final Peers peers;
    private final GrantShares shares;

    public GrantVerifier(Grants grants, RootKeyStore keys, Peers peers, GrantShares shares) {
        this.grants = grants;
        this.keys = keys;
        this.peers = peers;
        this.shares = shares;
    }

    public GrantCheck check(String serialized, List<String> serializedDischarges, AccessRequest request) {
        Macaroon macaroon;
        List<Macaroon> discharges = new ArrayList<>();
        Grant grant;
        RootKey key;
        try {
            macaroon = MacaroonCodec.decode(serialized);
            for (String discharge : serializedDischarges) {
                discharges.add(MacaroonCodec.decode(discharge));
            }
            MacaroonIdentifier identifier = MacaroonIdentifier.parse(macaroon.identifier);
            Optional<Grant> found = grants.find(UUID.fromString(identifier.nonce()));
            Optional<RootKey> rootKey = keys.find(identifier.keyId());
            if (found.isEmpty() || rootKey.isEmpty()) {
                return refused(request, null, "the macaroon is not a grant this provider issued to a peer");
            }
            grant = found.get();
            key = rootKey.get();
        } catch (IllegalArgumentException e) {
            return refused(request, null, "the macaroon or a discharge is " + e.getMessage());
        }
        for (String caveatId : MacaroonCaveats.thirdParty(macaroon)) {
            if (discharges.stream().noneMatch(discharge -> discharge.identifier.equals(caveatId))) {
                String holder = Optional.ofNullable(CaveatIds.holderOf(caveatId)).flatMap(peers::card)
                        .map(PeerCard::name).orElse("its holder");
                return refused(request, grant, "the macaroon has a third-party caveat that " + holder + " must"
                        + " discharge, and no discharge for it was presented");
            }
        }
        MacaroonsVerifier verifier = new MacaroonsVerifier(macaroon).satisfyGeneral(caveat -> true);
        discharges.forEach(verifier::satisfy3rdParty);
        if (!verifier.isValid(key.secret())) {
            String holder = peers.card(grant.peer()).map(PeerCard::name).orElse(grant.peer());
            return refused(request, grant, "the signatures do not verify: the macaroon was altered, or its discharge"
                    + " was not made by " + holder + " for this very macaroon");
        }
        if (grant.revokedAt() != null) {
            return refused(request, grant, "the grant was revoked at " + grant.revokedAt());
        }
        if (!shares.stillShared(grant)) {
            return refused(request, grant, "the resource " + grant.resource() + " is no longer shared with any network"
                    + " its holder belongs to");
        }
        Instant now = Instant.now();
        List<String> caveats = new ArrayList<>(MacaroonCaveats.firstParty(macaroon));
        discharges.forEach(discharge -> caveats.addAll(MacaroonCaveats.firstParty(discharge)));
        Optional<String> unmet = caveats.stream().map(caveat -> Caveats.unmet(caveat, request, now))
                .flatMap(Optional::stream).findFirst();
        return unmet.map(reason -> refused(request, grant, reason))
                .orElseGet(() -> new GrantCheck(true, null, grant.id().toString(), grant.peer(), request.resource(),
                        request.action()));
    }

    private static GrantCheck refused(AccessRequest request, Grant grant, String reason) {
        return new GrantCheck(false, reason, grant == null ? null : grant.id().toString(),
                grant == null ? null : grant.peer(), request.resource(), request.action());
    }
}
