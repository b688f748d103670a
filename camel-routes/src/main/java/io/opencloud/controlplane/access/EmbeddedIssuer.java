package io.opencloud.controlplane.access;

import java.util.List;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The names the embedded authorization server issues tokens under. Configured ({@code opencloud.auth.issuer}): that
 * one name, which every client must use. Not configured: the issuer is taken from each token request's URL, and the
 * loopback names of the port the server listens on are this control plane's own.
 */
@Component
public class EmbeddedIssuer implements ApplicationListener<WebServerInitializedEvent> {

    private final String configured;
    private volatile int port = -1;

    public EmbeddedIssuer(AuthProperties properties) {
        this.configured = properties.issuer().replaceAll("/+$", "");
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    public boolean configured() {
        return !configured.isEmpty();
    }

    public String configuredIssuer() {
        return configured;
    }

    /** Whether a token naming {@code issuer} was issued by this control plane. */
    public boolean isOwn(String issuer) {
        if (issuer == null) {
            return false;
        }
        return configured() ? configured.equals(issuer) : names().contains(issuer);
    }

    /** The issuer a client on this machine uses. */
    public String local() {
        return configured() ? configured : "http://localhost:" + port;
    }

    private List<String> names() {
        return List.of("http://localhost:" + port, "http://127.0.0.1:" + port, "http://[::1]:" + port);
    }
}
