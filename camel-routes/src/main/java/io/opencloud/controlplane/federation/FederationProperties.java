package io.opencloud.controlplane.federation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.federation}: how peers are watched and reached.
 *
 * @param probeInterval     how often every peer's {@code /federation/identity} is fetched
 * @param unreachableAfter  failed probes or deliveries in a row after which a peer is shown unreachable
 * @param deliveryInterval  how often events waiting for peers are sent
 * @param giveUpAfter       how long an event is retried for a peer that does not take it
 * @param replayWindow      how far a peer event's time may be from this clock; older or later ones are refused
 * @param timeout           how long a peer has to answer one request
 * @param privateEndpoints  whether peers may be at loopback, private or link-local addresses: {@code allow},
 *                          {@code refuse}, or {@code auto} (allowed when this control plane's own endpoint is at
 *                          one, as in a lab or on one machine; refused when it is public, so that a peer cannot turn
 *                          this control plane against its own network)
 */
@ConfigurationProperties("opencloud.federation")
public record FederationProperties(@DefaultValue("30s") Duration probeInterval,
                                   @DefaultValue("3") int unreachableAfter,
                                   @DefaultValue("1s") Duration deliveryInterval,
                                   @DefaultValue("24h") Duration giveUpAfter,
                                   @DefaultValue("5m") Duration replayWindow,
                                   @DefaultValue("5s") Duration timeout,
                                   @DefaultValue("auto") String privateEndpoints) {
}
