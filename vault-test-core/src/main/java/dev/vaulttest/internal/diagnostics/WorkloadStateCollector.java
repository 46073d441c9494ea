package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Writes the StatefulSets, pods and PVCs of the environment's namespace as YAML (Secrets are never written). */
final class WorkloadStateCollector implements Collector {

    @Override
    public String name() {
        return "workload-state";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        KubernetesClient client = environment.kubernetes();
        String namespace = environment.namespace();
        out.write("statefulsets.yaml", Serialization.asYaml(client.apps().statefulSets().inNamespace(namespace).list()));
        out.write("pods.yaml", Serialization.asYaml(client.pods().inNamespace(namespace).list()));
        out.write("pvcs.yaml", Serialization.asYaml(client.persistentVolumeClaims().inNamespace(namespace).list()));
    }
}
