/**
 * Kubernetes clusters for Vault deployments: a {@link dev.vaulttest.cluster.KubernetesCluster} handle
 * (kubeconfig, fabric8 client, port-forwarding, stop and start), started as k3s in Docker through
 * Testcontainers ({@link dev.vaulttest.cluster.K3sCluster}) or connected from a kubeconfig
 * ({@link dev.vaulttest.cluster.ExistingClusterSpec#open()}).
 */
package dev.vaulttest.cluster;

