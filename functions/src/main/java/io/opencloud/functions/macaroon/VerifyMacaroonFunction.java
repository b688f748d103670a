package io.opencloud.functions.macaroon;

import com.github.nitram509.jmacaroons.CaveatPacket;
import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks that a presented macaroon authorizes a request: minted here, signature intact (so no caveat was removed or
 * altered), and every caveat, the holder's own attenuations included, satisfied. When it does not, the reason names
 * the first thing that failed.
 *
 * A macaroon issued by a saga that was later compensated is refused as revoked.
 *
 * <p>Consumes {@code io.opencloud.macaroon.verify.requested.v1}; produces
 * {@code io.opencloud.macaroon.verify.completed.v1} (valid or not, with the reason), or
 * {@code io.opencloud.macaroon.verify.failed.v1} when it throws. Idempotent: it changes nothing.
 */
@Component("verifyMacaroon")
public class VerifyMacaroonFunction implements Function<VerifyMacaroonRequest, MacaroonVerification> {

    private final RootKeyStore keys;
    private final IssuedMacaroons issued;
    private final Clock clock;

    @Autowired
    public VerifyMacaroonFunction(RootKeyStore keys, IssuedMacaroons issued) {
        this(keys, issued, Clock.systemUTC());
    }

    VerifyMacaroonFunction(RootKeyStore keys, IssuedMacaroons issued, Clock clock) {
        this.keys = keys;
        this.issued = issued;
        this.clock = clock;
    }

    @Override
    public MacaroonVerification apply(VerifyMacaroonRequest command) {
        VerifyMacaroonRequest.AccessRequest request = command.request();
        return refusal(command.macaroon(), request)
                .map(reason -> MacaroonVerification.refused(request, reason))
                .orElseGet(() -> MacaroonVerification.granted(request));
    }

    private Optional<String> refusal(String serialized, VerifyMacaroonRequest.AccessRequest request) {
        Macaroon macaroon;
        MacaroonIdentifier identifier;
        try {
            macaroon = MacaroonCodec.decode(serialized);
            identifier = MacaroonIdentifier.parse(macaroon.identifier);
        } catch (IllegalArgumentException e) {
            return Optional.of("the macaroon is " + e.getMessage());
        }
        Optional<RootKey> key = keys.find(identifier.keyId());
        if (key.isEmpty()) {
            return Optional.of("the macaroon was signed with root key " + identifier.keyId()
                    + ", which this control plane does not hold");
        }
        for (CaveatPacket packet : macaroon.caveatPackets) {
            if (packet.getType() == CaveatPacket.Type.vid) {
                return Optional.of("the macaroon has a third-party caveat, and no discharge macaroon was presented");
            }
        }
        // The signature is checked before the caveats are read, because the caveats of a forged macaroon mean nothing.
        if (!new MacaroonsVerifier(macaroon).satisfyGeneral(caveat -> true).isValid(key.get().secret())) {
            return Optional.of("the macaroon's signature does not match: it was altered after it was minted");
        }
        Optional<Instant> revoked = issued.revokedAt(identifier);
        if (revoked.isPresent()) {
            return Optional.of("the macaroon was revoked at " + revoked.get()
                    + " when the saga that issued it was rolled back");
        }
        Instant now = clock.instant();
        return Arrays.stream(macaroon.caveatPackets)
                .filter(packet -> packet.getType() == CaveatPacket.Type.cid)
                .map(packet -> Caveats.unmet(packet.getValueAsText(), request, now))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
