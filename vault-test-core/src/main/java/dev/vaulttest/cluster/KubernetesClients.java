package dev.vaulttest.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Builds fabric8 clients with timeouts suited to clusters that are started, stopped and broken by tests. */
final class KubernetesClients {

    private KubernetesClients() {
    }

    static KubernetesClient build(Config config) {
        // The default retry back-off took about 20 s against a dead endpoint; chaos makes endpoints die.
        config.setRequestRetryBackoffLimit(2);
        config.setConnectionTimeout(10_000);
        config.setRequestTimeout(30_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    static KubernetesClient fromKubeconfig(String kubeconfigYaml) {
        return build(Config.fromKubeconfig(kubeconfigYaml));
    }
}
