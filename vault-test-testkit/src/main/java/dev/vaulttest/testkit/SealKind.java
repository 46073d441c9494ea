package dev.vaulttest.testkit;

/** The seal a fake cluster pretends to use. */
public enum SealKind {
    /** Shamir key shares: nodes start sealed and need {@code threshold} unseal keys after every restart. */
    SHAMIR("shamir"),
    /** {@code awskms} auto-unseal: nodes unseal themselves while the (simulated) KMS is reachable. */
    AUTO_UNSEAL("awskms");

    private final String vaultType;

    SealKind(String vaultType) {
        this.vaultType = vaultType;
    }

    /**
     * The seal type Vault reports in {@code sys/seal-status}.
     *
     * @return {@code shamir} or {@code awskms}
     */
    public String vaultType() {
        return vaultType;
    }
}
