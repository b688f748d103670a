package io.opencloud.functions.macaroon;

import com.github.nitram509.jmacaroons.Macaroon;
import com.github.nitram509.jmacaroons.MacaroonsBuilder;
import io.opencloud.functions.CommandHeaders;
import io.opencloud.functions.CommandHeaders.CommandId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Issues a macaroon granting one action on one resource until an expiry, signed with a root key kept in PostgreSQL.
 *
 * <p>Consumes {@code io.opencloud.macaroon.issue.requested.v1}; produces
 * {@code io.opencloud.macaroon.issue.completed.v1}, or {@code io.opencloud.macaroon.issue.failed.v1} when it throws.
 * Idempotent: a redelivered command (same CloudEvent source and id) returns the macaroon issued the first time.
 */
@Component("issueMacaroon")
public class IssueMacaroonFunction implements Function<Message<IssueMacaroonRequest>, MacaroonIssued> {

    private final RootKeyStore keys;
    private final IssuedMacaroons issued;
    private final Clock clock;
    private final String location;

    @Autowired
    public IssueMacaroonFunction(RootKeyStore keys, IssuedMacaroons issued,
                                 @Value("${opencloud.macaroon.location:opencloud}") String location) {
        this(keys, issued, location, Clock.systemUTC());
    }

    IssueMacaroonFunction(RootKeyStore keys, IssuedMacaroons issued, String location, Clock clock) {
        this.keys = keys;
        this.issued = issued;
        this.clock = clock;
        this.location = location;
    }

    @Override
    public MacaroonIssued apply(Message<IssueMacaroonRequest> command) {
        CommandId id = CommandHeaders.commandId(command.getHeaders());
        String sagaId = CommandHeaders.sagaId(command.getHeaders()).orElse(null);
        return issued.find(id).orElseGet(() -> {
            RootKey key = keys.current();
            MacaroonIdentifier identifier = MacaroonIdentifier.fresh(key.id());
            return issued.recordOnce(id, mint(command.getPayload(), key, identifier), identifier, sagaId);
        });
    }

    private MacaroonIssued mint(IssueMacaroonRequest request, RootKey key, MacaroonIdentifier identifier) {
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(request.ttlSeconds());
        Macaroon macaroon = new MacaroonsBuilder(location, key.secret(), identifier.toString())
                .addCaveat(Caveats.resource(request.resource()))
                .addCaveat(Caveats.action(request.action()))
                .addCaveat(Caveats.expires(expiresAt))
                .getMacaroon();
        return new MacaroonIssued(MacaroonCodec.encode(macaroon), key.id().toString(), request.resource(),
                request.action(), expiresAt.toString());
    }
}
