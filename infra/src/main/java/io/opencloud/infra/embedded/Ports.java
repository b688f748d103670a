package io.opencloud.infra.embedded;

import io.opencloud.infra.config.StartupRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Chooses the port of an embedded service and fails clearly when the one configured is taken. */
public final class Ports {

    private Ports() {
    }

    /**
     * The configured port if it is free, a free one when 0 is configured.
     *
     * @param property the setting that chose the port, named in the error so the user knows what to change
     */
    public static int claim(int port, String service, String property) {
        if (port == 0) {
            return anyFree();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new PortInUseException(port, service, property);
        }
    }

    /** A local port free at this moment. */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** The configured port of an embedded service is used by another process. */
    public static final class PortInUseException extends StartupRefusedException {

        public PortInUseException(int port, String service, String property) {
            super("Port " + port + " for the embedded " + service + " is already in use.",
                    "Stop whatever listens on it, or choose another port with " + property + " (0 picks a free one).");
        }
    }
}
