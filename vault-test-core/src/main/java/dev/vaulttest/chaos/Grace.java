package dev.vaulttest.chaos;

/** How a pod is deleted. */
public enum Grace {
    /** With the pod's own termination grace period: Vault gets SIGTERM (after the chart's preStop) and shuts down. */
    GRACEFUL,
    /** With grace period 0 (force delete): the API object goes at once and the container is killed. */
    IMMEDIATE
}
