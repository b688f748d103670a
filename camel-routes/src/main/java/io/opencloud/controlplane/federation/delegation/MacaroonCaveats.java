package io.opencloud.controlplane.federation.delegation;

import com.github.nitram509.jmacaroons.CaveatPacket;
import com.github.nitram509.jmacaroons.Macaroon;
import java.util.ArrayList;
import java.util.List;

/** Reads a macaroon's caveats: a caveat id followed by a verification id is a third party's, any other is first-party. */
final class MacaroonCaveats {

    private MacaroonCaveats() {
    }

    static List<String> thirdParty(Macaroon macaroon) {
        return caveats(macaroon, true);
    }

    static List<String> firstParty(Macaroon macaroon) {
        return caveats(macaroon, false);
    }

    private static List<String> caveats(Macaroon macaroon, boolean thirdParty) {
        List<String> caveats = new ArrayList<>();
        CaveatPacket[] packets = macaroon.caveatPackets;
        for (int i = 0; i < packets.length; i++) {
            if (packets[i].getType() == CaveatPacket.Type.cid) {
                boolean verified = i + 1 < packets.length && packets[i + 1].getType() == CaveatPacket.Type.vid;
                if (verified == thirdParty) {
                    caveats.add(packets[i].getValueAsText());
                }
            }
        }
        return caveats;
    }
}
