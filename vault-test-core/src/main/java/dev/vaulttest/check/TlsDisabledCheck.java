package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import java.util.ArrayList;
import java.util.List;

/** {@link Rule#TLS_DISABLED}: a tcp listener of the server has {@code tls_disable} set. */
final class TlsDisabledCheck implements RuleCheck {

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            server.effectiveConfig().ifPresent(config -> {
                for (VaultConfig.Block listener : ApiListener.tcpListeners(config)) {
                    if (ApiListener.tlsDisabled(listener)) {
                        findings.add(Rule.TLS_DISABLED.finding(server.resource(), "The listener \"tcp\" at "
                                + ApiListener.address(listener) + " of " + server.resource() + " ("
                                + server.configSource() + ") sets tls_disable = "
                                + listener.string("tls_disable").orElse("true")
                                + ": tokens and secrets cross the network in clear text.",
                                "Set tls_disable = false with tls_cert_file and tls_key_file in the listener of"
                                        + " server.standalone.config / server.ha.raft.config (certificates mounted via"
                                        + " server.volumes or server.extraVolumes), and global.tlsDisable=false."));
                    }
                }
            });
        }
        return findings;
    }
}
