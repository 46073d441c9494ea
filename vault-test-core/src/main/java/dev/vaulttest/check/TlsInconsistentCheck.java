package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Rule#TLS_INCONSISTENT}: the scheme the chart renders from {@code global.tlsDisable} ({@code VAULT_ADDR},
 * the API container port's name, httpGet probes, Service port names) disagrees with the TLS setting of the
 * listener on the API port.
 */
final class TlsInconsistentCheck implements RuleCheck {

    private static final int DEFAULT_API_PORT = 8200;

    /** One rendered place that implies a scheme. */
    private record Evidence(String where, String scheme) {
    }

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            Optional<VaultConfig> config = server.effectiveConfig();
            if (config.isEmpty()) {
                continue;
            }
            Optional<String> vaultAddr = server.envValue("VAULT_ADDR");
            int apiPort = vaultAddr.flatMap(TlsInconsistentCheck::portOf).orElse(DEFAULT_API_PORT);
            Optional<VaultConfig.Block> listener = ApiListener.onPort(config.get(), apiPort);
            if (listener.isEmpty()) {
                continue;
            }
            String listenerScheme = ApiListener.tlsDisabled(listener.get()) ? "http" : "https";
            List<Evidence> disagreeing = evidence(server, deployment, vaultAddr, apiPort).stream()
                    .filter(e -> !e.scheme().equals(listenerScheme))
                    .toList();
            if (disagreeing.isEmpty()) {
                continue;
            }
            String listenerState = listenerScheme.equals("http")
                    ? "has TLS disabled (tls_disable = " + listener.get().string("tls_disable").orElse("true") + ")"
                    : "serves TLS (no tls_disable)";
            String chartScheme = listenerScheme.equals("http") ? "https" : "http";
            String places = String.join(", ", disagreeing.stream().map(Evidence::where).toList());
            findings.add(Rule.TLS_INCONSISTENT.finding(server.resource(), "The listener \"tcp\" at "
                    + ApiListener.address(listener.get()) + " of " + server.resource() + " (" + server.configSource()
                    + ") " + listenerState + ", but the chart renders " + chartScheme + " (" + places + "): the readiness probe, the vault CLI in the pod and"
                    + " clients talk the wrong protocol, so pods never become ready.",
                    listenerScheme.equals("http")
                            ? "Set global.tlsDisable=true to match the listener, or enable TLS in the listener"
                                    + " (tls_cert_file, tls_key_file, no tls_disable)."
                            : "Set global.tlsDisable=false to match the listener, or set tls_disable = 1 in the"
                                    + " listener (not for production)."));
        }
        return findings;
    }

    private static List<Evidence> evidence(VaultServer server, RenderedDeployment deployment,
            Optional<String> vaultAddr, int apiPort) {
        List<Evidence> evidence = new ArrayList<>();
        vaultAddr.flatMap(TlsInconsistentCheck::schemeOf)
                .ifPresent(s -> evidence.add(new Evidence("VAULT_ADDR=" + vaultAddr.get(), s)));
        List<ContainerPort> ports = server.container().getPorts() == null ? List.of() : server.container().getPorts();
        ports.stream()
                .filter(p -> p.getContainerPort() != null && p.getContainerPort() == apiPort && p.getName() != null)
                .forEach(p -> schemeOfPortName(p.getName()).ifPresent(s -> evidence.add(
                        new Evidence("container port " + apiPort + " named '" + p.getName() + "'", s))));
        probe(server.container().getReadinessProbe(), "readinessProbe", evidence);
        probe(server.container().getLivenessProbe(), "livenessProbe", evidence);
        Map<String, String> podLabels = server.statefulSet().getSpec().getTemplate().getMetadata() == null ? Map.of()
                : Optional.ofNullable(server.statefulSet().getSpec().getTemplate().getMetadata().getLabels())
                        .orElse(Map.of());
        for (Service service : deployment.manifests().all(Service.class)) {
            if (service.getSpec() == null || service.getSpec().getSelector() == null
                    || service.getSpec().getSelector().isEmpty()
                    || !LabelSelectors.matches(service.getSpec().getSelector(), podLabels)) {
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts() == null ? List.<ServicePort>of()
                    : service.getSpec().getPorts()) {
                boolean api = port.getPort() != null && port.getPort() == apiPort
                        || port.getTargetPort() != null && port.getTargetPort().getIntVal() != null
                        && port.getTargetPort().getIntVal() == apiPort;
                if (api && port.getName() != null) {
                    schemeOfPortName(port.getName()).ifPresent(s -> evidence.add(new Evidence("Service/"
                            + service.getMetadata().getName() + " port " + port.getPort() + " named '" + port.getName()
                            + "'", s)));
                }
            }
        }
        return evidence;
    }

    private static void probe(Probe probe, String name, List<Evidence> evidence) {
        if (probe != null && probe.getHttpGet() != null) {
            String scheme = Optional.ofNullable(probe.getHttpGet().getScheme()).orElse("HTTP").toLowerCase(Locale.ROOT);
            evidence.add(new Evidence(name + " httpGet scheme " + scheme.toUpperCase(Locale.ROOT), scheme));
        }
    }

    /** {@code http}/{@code http-*} names mean plain HTTP, {@code https}/{@code https-*} TLS; others say nothing. */
    private static Optional<String> schemeOfPortName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("https") || n.startsWith("https-")) {
            return Optional.of("https");
        }
        if (n.equals("http") || n.startsWith("http-")) {
            return Optional.of("http");
        }
        return Optional.empty();
    }

    private static Optional<String> schemeOf(String address) {
        try {
            return Optional.ofNullable(URI.create(address.strip()).getScheme()).map(s -> s.toLowerCase(Locale.ROOT))
                    .filter(s -> s.equals("http") || s.equals("https"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> portOf(String address) {
        try {
            URI uri = URI.create(address.strip());
            if (uri.getPort() > 0) {
                return Optional.of(uri.getPort());
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
