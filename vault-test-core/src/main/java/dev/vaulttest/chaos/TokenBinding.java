package dev.vaulttest.chaos;

import java.util.Objects;
import java.util.Optional;

/**
 * What a requested service account token is bound to, which decides when Kubernetes stops accepting it: an
 * unbound token until it expires; a pod-bound token until that pod (that UID) is deleted; a secret-bound token
 * until its Secret is deleted. The library creates and deletes the anchor Secret itself, which makes a
 * secret-bound token the one whose rotation really revokes the old token.
 *
 * @param kind what the token is bound to
 * @param podName the pod, for {@link Kind#POD}
 */
public record TokenBinding(Kind kind, Optional<String> podName) {

    /** What a token can be bound to. */
    public enum Kind {
        /** Nothing: valid until it expires (or its service account is deleted). */
        NONE,
        /** A pod: valid while that pod object (that UID) exists. */
        POD,
        /** A Secret the library creates: valid while the Secret exists. */
        SECRET
    }

    /**
     * Validates the components.
     *
     * @param kind the binding kind
     * @param podName the pod name, only for {@link Kind#POD}
     */
    public TokenBinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(podName, "podName");
        if ((kind == Kind.POD) != podName.isPresent()) {
            throw new IllegalArgumentException("A pod name goes with Kind.POD and only with it; got " + kind + " and "
                    + podName);
        }
    }

    /**
     * Unbound.
     *
     * @return the binding
     */
    public static TokenBinding none() {
        return new TokenBinding(Kind.NONE, Optional.empty());
    }

    /**
     * Bound to a pod in the token's namespace.
     *
     * @param podName the pod
     * @return the binding
     */
    public static TokenBinding pod(String podName) {
        return new TokenBinding(Kind.POD, Optional.of(podName));
    }

    /**
     * Bound to a Secret the library creates for the token (and deletes when the token is rotated).
     *
     * @return the binding
     */
    public static TokenBinding secret() {
        return new TokenBinding(Kind.SECRET, Optional.empty());
    }
}
