package dev.vaulttest.chaos;

import java.util.List;
import java.util.Objects;

/**
 * Which Vault pods a pod deletion hits, chosen by role at the moment of deletion or by name.
 *
 * @param selection how the pods are chosen
 * @param names the pod names for {@link Selection#NAMED}; empty otherwise
 */
public record PodTarget(Selection selection, List<String> names) {

    /** How pods are chosen. */
    public enum Selection {
        /** The active node. */
        ACTIVE,
        /** One unsealed standby (the first by name). */
        A_STANDBY,
        /** Every unsealed standby. */
        ALL_STANDBYS,
        /** Every Vault pod. */
        ALL,
        /** Pods by name. */
        NAMED
    }

    /**
     * Validates the components.
     *
     * @param selection how pods are chosen
     * @param names the names, for {@link Selection#NAMED}
     */
    public PodTarget {
        Objects.requireNonNull(selection, "selection");
        names = List.copyOf(names);
        if (selection == Selection.NAMED && names.isEmpty()) {
            throw new IllegalArgumentException("PodTarget.named needs at least one pod name");
        }
        if (selection != Selection.NAMED && !names.isEmpty()) {
            throw new IllegalArgumentException("Only PodTarget.named takes pod names, got " + names + " for "
                    + selection);
        }
    }

    /**
     * The active node's pod.
     *
     * @return the target
     */
    public static PodTarget active() {
        return new PodTarget(Selection.ACTIVE, List.of());
    }

    /**
     * One unsealed standby's pod (the first by name, so runs are repeatable).
     *
     * @return the target
     */
    public static PodTarget aStandby() {
        return new PodTarget(Selection.A_STANDBY, List.of());
    }

    /**
     * Every unsealed standby's pod.
     *
     * @return the target
     */
    public static PodTarget allStandbys() {
        return new PodTarget(Selection.ALL_STANDBYS, List.of());
    }

    /**
     * Every Vault pod of the release.
     *
     * @return the target
     */
    public static PodTarget all() {
        return new PodTarget(Selection.ALL, List.of());
    }

    /**
     * Pods by name.
     *
     * @param names the pod names, for example {@code vault-1}
     * @return the target
     */
    public static PodTarget named(String... names) {
        return new PodTarget(Selection.NAMED, List.of(names));
    }

    /**
     * A short description for messages and measurements.
     *
     * @return for example {@code active} or {@code vault-0,vault-2}
     */
    public String describe() {
        return switch (selection) {
            case ACTIVE -> "active";
            case A_STANDBY -> "a standby";
            case ALL_STANDBYS -> "all standbys";
            case ALL -> "all";
            case NAMED -> String.join(",", names);
        };
    }
}
