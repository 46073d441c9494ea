package dev.vaulttest.timing;

/** A phase of bringing up, rebuilding, recovering or handing over a deployment, in the order they run. */
public enum Phase {

    /** Starting the Kubernetes cluster (k3s container or connecting to an existing one). */
    CLUSTER("cluster"),
    /** Making the container images available to the cluster. */
    IMAGES("images"),
    /** Installing (or upgrading) the Helm release. */
    INSTALL("install"),
    /** Waiting until every Vault pod is running. */
    PODS_RUNNING("pods-running"),
    /** Initialising Vault. */
    INIT("init"),
    /** Unsealing the Vault nodes (or waiting for auto-unseal). */
    UNSEAL("unseal"),
    /** Joining the standby nodes to the raft cluster. */
    JOIN("join"),
    /** Waiting for the ready gate: all unsealed, one active, every voter present, write and read work. */
    READY("ready"),
    /** After a disruptive test: waiting until the deployment passes its ready gate again. */
    RECOVERY("recovery"),
    /**
     * Handing a deployment that several test classes share to the next class: Shamir-sealed nodes unsealed
     * and the ready gate checked, before the class's first test.
     */
    HANDOVER("hand-over");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /**
     * The phase's name in logs, messages and the report.
     *
     * @return for example {@code pods-running}
     */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
