package dev.vaulttest.check;

import dev.vaulttest.check.Finding.Severity;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of rules. A rule's id ({@link #id()}) is what {@link Finding#rule()} holds and is part of
 * the API; its severity is fixed.
 */
public enum Rule {
    /** The Vault server runs in dev mode: in-memory storage, unsealed with a well-known root token. */
    DEV_MODE(Severity.ERROR, "the Vault server runs in dev mode"),
    /** No auto-unseal seal is configured, so every restart leaves Vault sealed. */
    NO_AUTO_UNSEAL(Severity.ERROR, "no auto-unseal seal is configured"),
    /** Vault's storage path is not on a per-pod persistent volume. */
    EPHEMERAL_STORAGE(Severity.ERROR, "Vault's storage path is not on a per-pod persistent volume"),
    /** Several replicas would share one data volume. */
    SHARED_DATA_VOLUME(Severity.ERROR, "several replicas would share one data volume"),
    /** The data volume's StorageClass deletes the data when the claim goes (or the class is unknown: INFO). */
    RECLAIM_POLICY_DELETE(Severity.WARNING, "the data volume's StorageClass deletes data when the claim is deleted"),
    /** A container image is not pinned to an exact version or digest. */
    UNPINNED_IMAGE(Severity.ERROR, "a container image is not pinned to an exact version or digest"),
    /** HA with fewer than 3 or an even number of voters. */
    HA_QUORUM(Severity.WARNING, "HA with fewer than 3 or an even number of voters"),
    /** A Vault listener has TLS disabled. */
    TLS_DISABLED(Severity.WARNING, "a Vault listener has TLS disabled"),
    /** The listener's TLS setting and the chart's scheme for probes and clients disagree. */
    TLS_INCONSISTENT(Severity.ERROR, "the listener's TLS setting and the chart's http/https scheme disagree"),
    /** Required pod anti-affinity cannot place every replica on the given number of nodes. */
    UNSATISFIABLE_ANTI_AFFINITY(Severity.WARNING,
            "required pod anti-affinity cannot place every replica on the given number of nodes"),
    /** Raft storage without {@code retry_join}: replacement nodes must be joined by hand. */
    NO_RAFT_RETRY_JOIN(Severity.INFO, "raft storage without retry_join"),
    /** The StatefulSet uses OnDelete: upgrades need the documented procedure. */
    ONDELETE_UPGRADES(Severity.INFO, "the StatefulSet uses the OnDelete update strategy"),
    /** No audit volume is mounted. */
    NO_AUDIT_STORAGE(Severity.INFO, "no audit volume");

    private final Severity severity;
    private final String summary;

    Rule(Severity severity, String summary) {
        this.severity = severity;
        this.summary = summary;
    }

    /**
     * The stable id of this rule, as found in {@link Finding#rule()}.
     *
     * @return the id, for example {@code DEV_MODE}
     */
    public String id() {
        return name();
    }

    /**
     * The severity of this rule's findings. {@link #RECLAIM_POLICY_DELETE} also reports an
     * {@link Severity#INFO} finding when the StorageClass of the data volume is not known.
     *
     * @return the severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * One line saying what the rule finds.
     *
     * @return the summary
     */
    public String summary() {
        return summary;
    }

    /**
     * Looks a rule up by its id.
     *
     * @param id a rule id such as {@code DEV_MODE}
     * @return the rule, or empty when no rule has that id
     */
    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.name().equals(id)).findFirst();
    }

    Finding finding(String resource, String message, String remediation) {
        return new Finding(id(), severity, resource, message, remediation);
    }

    Finding finding(Severity overriddenSeverity, String resource, String message, String remediation) {
        return new Finding(id(), overriddenSeverity, resource, message, remediation);
    }
}
