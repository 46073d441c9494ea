package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.VaultConfig;
import java.util.List;
import java.util.Optional;

/** Reading tcp listeners: their address, port and whether TLS is off. */
final class ApiListener {

    /** Vault's default listener address when a tcp listener sets none. */
    static final String DEFAULT_ADDRESS = "127.0.0.1:8200";

    private ApiListener() {
    }

    static List<VaultConfig.Block> tcpListeners(VaultConfig config) {
        return config.listeners().stream().filter(l -> l.type().equals("tcp")).toList();
    }

    static String address(VaultConfig.Block listener) {
        return listener.string("address").orElse(DEFAULT_ADDRESS);
    }

    /** The port of a listener address such as {@code [::]:8200}; empty when it has none. */
    static Optional<Integer> port(VaultConfig.Block listener) {
        String address = address(listener);
        int colon = address.lastIndexOf(':');
        if (colon < 0 || address.lastIndexOf(']') > colon) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(address.substring(colon + 1).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean tlsDisabled(VaultConfig.Block listener) {
        return listener.flag("tls_disable").orElse(false);
    }

    /** The tcp listener on the given port, else the first tcp listener. */
    static Optional<VaultConfig.Block> onPort(VaultConfig config, int port) {
        List<VaultConfig.Block> tcp = tcpListeners(config);
        return tcp.stream().filter(l -> port(l).filter(p -> p == port).isPresent()).findFirst()
                .or(() -> tcp.stream().findFirst());
    }
}
