package dev.vaulttest.chaos;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.chaos.Disruption.Recovery;
import dev.vaulttest.vault.LoginResult;
import dev.vaulttest.vault.Sensitive;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A named condition over a running deployment, such as "ready gate" or "vault-1 unsealed", that a
 * {@link Recovery} waits for. A probe observes once and says whether the condition holds and what it saw; it
 * must not reveal secrets in what it saw.
 */
public interface RecoveryProbe {

    /**
     * The condition's name, as it appears in measurements and messages.
     *
     * @return the name, for example {@code ready gate}
     */
    String name();

    /**
     * Observes the deployment once. May throw for transient failures (the wait records them and retries).
     *
     * @param env the deployment
     * @return whether the condition holds, and what was seen
     */
    Observation observe(VaultEnvironment env);

    /**
     * One observation of a probe.
     *
     * @param holds whether the condition holds
     * @param state what was seen, for messages; never contains secrets
     */
    record Observation(boolean holds, String state) {

        /**
         * Validates the components.
         *
         * @param holds whether the condition holds
         * @param state what was seen
         */
        public Observation {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A probe over a {@link DeploymentSnapshot}: each observation takes a snapshot and tests it.
     *
     * @param name the condition's name
     * @param condition the test on the snapshot
     * @return the probe
     */
    static RecoveryProbe of(String name, Predicate<DeploymentSnapshot> condition) {
        Objects.requireNonNull(condition, "condition");
        return probing(name, env -> {
            DeploymentSnapshot snapshot = env.snapshot();
            return new Observation(condition.test(snapshot), snapshot.describe());
        });
    }

    /**
     * A probe from any observation of the environment.
     *
     * @param name the condition's name
     * @param observer observes the environment once
     * @return the probe
     */
    static RecoveryProbe probing(String name, Function<VaultEnvironment, Observation> observer) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(observer, "observer");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A recovery probe needs a name");
        }
        return new RecoveryProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Observation observe(VaultEnvironment env) {
                return observer.apply(env);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * The library's ready gate ({@link VaultEnvironment#awaitReady(Duration)}): every node unsealed, one active
     * node, the expected raft voters, and a kv write and read. Each observation is one attempt of the gate.
     *
     * @return the probe
     */
    static RecoveryProbe readyGate() {
        return probing("ready gate", env -> {
            try {
                DeploymentSnapshot ready = env.awaitReady(Duration.ofMillis(1));
                return new Observation(true, ready.describe());
            } catch (WaitTimeoutException notReady) {
                // what the gate saw, not its one-millisecond timeout: the recovery's own wait reports the time
                return new Observation(false, notReady.lastObserved());
            } catch (RuntimeException notReady) {
                return new Observation(false, String.valueOf(notReady.getMessage()));
            }
        });
    }

    /**
     * Every expected node is present and unsealed.
     *
     * @return the probe
     */
    static RecoveryProbe allUnsealed() {
        return of("all nodes unsealed", snapshot -> snapshot.nodes().size() >= snapshot.expectedReplicas()
                && snapshot.nodes().stream().allMatch(NodeSnapshot::isUnsealed));
    }

    /**
     * One node is unsealed.
     *
     * @param node the pod name
     * @return the probe
     */
    static RecoveryProbe unsealed(String node) {
        Objects.requireNonNull(node, "node");
        return of(node + " unsealed", snapshot -> snapshot.node(node).map(NodeSnapshot::isUnsealed).orElse(false));
    }

    /**
     * One node answers and is in the given role.
     *
     * @param node the pod name
     * @param role the role, for example {@link NodeRole#SEALED}
     * @return the probe
     */
    static RecoveryProbe inRole(String node, NodeRole role) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(role, "role");
        return of(node + " " + role.name().toLowerCase(java.util.Locale.ROOT),
                snapshot -> snapshot.node(node).map(n -> n.role() == role).orElse(false));
    }

    /**
     * Exactly one node is active.
     *
     * @return the probe
     */
    static RecoveryProbe activeNode() {
        return of("one active node", snapshot -> snapshot.active().isPresent());
    }

    /**
     * A leader other than the given one holds office: exactly one active node, and it is another pod, or the same
     * pod name recreated (another pod UID).
     *
     * @param previousLeader the pod name of the leader before the disruption
     * @param previousPodUid that pod's UID before the disruption
     * @return the probe
     */
    static RecoveryProbe newLeader(String previousLeader, String previousPodUid) {
        Objects.requireNonNull(previousLeader, "previousLeader");
        Objects.requireNonNull(previousPodUid, "previousPodUid");
        return of("new leader (not " + previousLeader + ")", snapshot -> snapshot.active()
                .filter(active -> !active.name().equals(previousLeader)
                        || !active.podUid().map(previousPodUid::equals).orElse(true))
                .isPresent());
    }

    /**
     * A Kubernetes login at the {@code kubernetes} mount succeeds on the active node (or any node that answers,
     * when no single node is active).
     *
     * @param role the Vault role
     * @param jwt supplies the service account token to log in with (called on every observation)
     * @return the probe
     */
    static RecoveryProbe loginSucceeds(String role, Supplier<Sensitive> jwt) {
        return loginSucceeds("kubernetes", role, jwt);
    }

    /**
     * A Kubernetes login at the given mount succeeds.
     *
     * @param mountPath the auth mount
     * @param role the Vault role
     * @param jwt supplies the service account token to log in with (called on every observation)
     * @return the probe
     */
    static RecoveryProbe loginSucceeds(String mountPath, String role, Supplier<Sensitive> jwt) {
        Objects.requireNonNull(mountPath, "mountPath");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(jwt, "jwt");
        return probing("login as " + role + " succeeds", env -> {
            LoginResult result = Logins.loginNode(env).anonymousClient().loginKubernetes(mountPath, role, jwt.get());
            return new Observation(result.isSuccess(), Logins.describe(result));
        });
    }

    /**
     * A probe that holds when this one does not, named {@code not <name>}.
     *
     * @return the negated probe
     */
    default RecoveryProbe negate() {
        RecoveryProbe self = this;
        return probing("not " + name(), env -> {
            Observation seen = self.observe(env);
            return new Observation(!seen.holds(), seen.state());
        });
    }

    /**
     * A probe whose observation never throws: a failure counts as "does not hold" with the failure as the state.
     *
     * @param probe the probe
     * @return the tolerant probe
     */
    static RecoveryProbe tolerant(RecoveryProbe probe) {
        return probing(probe.name(), env -> {
            try {
                return probe.observe(env);
            } catch (RuntimeException e) {
                return new Observation(false, e.getClass().getSimpleName() + ": "
                        + Optional.ofNullable(e.getMessage()).orElse("(no message)"));
            }
        });
    }
}
