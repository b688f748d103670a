package io.opencloud.functions.macaroon;

import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Compensates macaroon issue within a saga: every macaroon issued for the saga stops verifying, including one whose
 * issue command arrives after this revoke. Tolerates a saga that was never issued a macaroon.
 *
 * <p>Consumes {@code io.opencloud.macaroon.revoke.requested.v1}; produces
 * {@code io.opencloud.macaroon.revoke.completed.v1}, or {@code io.opencloud.macaroon.revoke.failed.v1} when it
 * throws. Idempotent: revoking twice revokes once.
 */
@Component("revokeMacaroon")
public class RevokeMacaroonFunction implements Function<RevokeMacaroonRequest, MacaroonsRevoked> {

    private final IssuedMacaroons issued;

    public RevokeMacaroonFunction(IssuedMacaroons issued) {
        this.issued = issued;
    }

    @Override
    public MacaroonsRevoked apply(RevokeMacaroonRequest command) {
        return new MacaroonsRevoked(command.sagaId(), issued.revokeSaga(command.sagaId()));
    }
}
