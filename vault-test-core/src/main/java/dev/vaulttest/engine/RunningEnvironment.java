package dev.vaulttest.engine;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.VaultNode;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.internal.helm.InstalledRelease;
import dev.vaulttest.internal.timing.PhaseRecorder;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.vault.AutopilotState;
import dev.vaulttest.vault.RaftConfiguration;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultApiException;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running deployment behind {@link VaultEnvironment}; built by {@link BringUp}. */
final class RunningEnvironment implements VaultEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(RunningEnvironment.class);

    private final VaultEnvironmentSpec spec;
    private final EnvironmentId id;
    private final String namespace;
    private final KubernetesCluster cluster;
    private final DeploymentPlan plan;
    private final List<NodeHandle> nodes;
    private final Optional<KmsEmulator> kms;
    private final InstalledRelease release;
    private final EffectiveValues effectiveValues;
    private final List<Adjustment> adjustments;
    private final ReleaseValuesFit valuesFit;
    private final PhaseRecorder recorder;
    private final Teardown teardown;
    private final ReadyGate gate;

    private volatile Sensitive rootToken;
    private volatile List<Sensitive> unsealKeys = List.of();
    private volatile List<Sensitive> recoveryKeys = List.of();

    RunningEnvironment(VaultEnvironmentSpec spec, EnvironmentId id, String namespace, KubernetesCluster cluster,
            DeploymentPlan plan, List<NodeHandle> nodes, Optional<KmsEmulator> kms, InstalledRelease release,
            EffectiveValues effectiveValues, List<Adjustment> adjustments, ReleaseValuesFit valuesFit,
            PhaseRecorder recorder, Teardown teardown) {
        this.spec = spec;
        this.id = id;
        this.namespace = namespace;
        this.cluster = cluster;
        this.plan = plan;
        this.nodes = List.copyOf(nodes);
        this.kms = kms;
        this.release = release;
        this.effectiveValues = effectiveValues;
        this.adjustments = List.copyOf(adjustments);
        this.valuesFit = valuesFit;
        this.recorder = recorder;
        this.teardown = teardown;
        this.gate = new ReadyGate(plan);
        plan.devRootToken().ifPresent(token -> this.rootToken = token);
    }

    // ---- state set during bring-up ----------------------------------------------------------------------

    void keys(Sensitive token, List<Sensitive> unseal, List<Sensitive> recovery) {
        this.rootToken = Objects.requireNonNull(token, "token");
        this.unsealKeys = List.copyOf(unseal);
        this.recoveryKeys = List.copyOf(recovery);
    }

    Optional<Sensitive> rootTokenIfKnown() {
        return Optional.ofNullable(rootToken);
    }

    DeploymentPlan plan() {
        return plan;
    }

    List<NodeHandle> handles() {
        return nodes;
    }

    EnvironmentId id() {
        return id;
    }

    PhaseRecorder recorder() {
        return recorder;
    }

    // ---- VaultEnvironment ---------------------------------------------------------------------------------

    @Override
    public VaultEnvironmentSpec spec() {
        return spec;
    }

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public String releaseName() {
        return release.name();
    }

    @Override
    public KubernetesCluster cluster() {
        return cluster;
    }

    @Override
    public KubernetesClient kubernetes() {
        return cluster.client();
    }

    @Override
    public List<VaultNode> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public VaultNode node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().map(VaultNode.class::cast)
                .orElseThrow(() -> new IllegalArgumentException("Environment " + namespace + "/" + releaseName()
                        + " has no node '" + name + "'; its nodes are "
                        + nodes.stream().map(NodeHandle::name).toList()));
    }

    @Override
    public VaultNode active() {
        DeploymentSnapshot snapshot = snapshot();
        return snapshot.active().map(n -> node(n.name())).orElseThrow(() -> new VaultTestException(
                "Expected exactly one active Vault node, saw " + snapshot.nodesIn(NodeRole.ACTIVE).size() + ".\n"
                        + snapshot.describe()));
    }

    @Override
    public List<VaultNode> standbys() {
        return snapshot().nodesIn(NodeRole.STANDBY).stream().map(n -> node(n.name())).toList();
    }

    @Override
    public Optional<KmsEmulator> kms() {
        return kms;
    }

    @Override
    public Sensitive rootToken() {
        return rootTokenIfKnown().orElseThrow(() -> new VaultTestException("Environment " + namespace + "/"
                + releaseName() + " has no root token: Vault was not initialised."));
    }

    @Override
    public List<Sensitive> unsealKeys() {
        return unsealKeys;
    }

    @Override
    public List<Sensitive> recoveryKeys() {
        return recoveryKeys;
    }

    @Override
    public DeploymentSnapshot unsealAll(Duration timeout) {
        String name = "every node of " + namespace + "/" + releaseName() + " unsealed";
        return Wait.until(name, timeout, spec.timeouts().pollInterval(), () -> {
            for (NodeHandle node : nodes) {
                unsealIfSealed(node);
            }
            return snapshot();
        }, s -> s.nodes().stream().allMatch(NodeSnapshot::isUnsealed), DeploymentSnapshot::describe);
    }

    /**
     * Submits the held unseal keys to a sealed node (Shamir only); failures are left to the caller's wait. A raft
     * joiner that takes the last share is waited for by {@link VaultNodeClient#unseal(java.util.Collection)}
     * until it has unsealed itself in the background.
     */
    void unsealIfSealed(NodeHandle node) {
        if (unsealKeys.isEmpty()) {
            return;
        }
        VaultNodeClient client = node.anonymousClient();
        SealStatus status = client.sealStatus();
        if (status.sealed() && !status.isAutoUnseal()) {
            try {
                client.unseal(unsealKeys);
            } catch (VaultApiException e) {
                LOG.debug("Unsealing {} did not finish yet: {}", node.name(), e.getMessage());
            }
        }
    }

    @Override
    public EffectiveValues effectiveValues() {
        return effectiveValues;
    }

    @Override
    public List<Adjustment> adjustments() {
        return adjustments;
    }

    @Override
    public ChartValues valuesForUpgrade(ChartValues teamValues) {
        ReleaseValues.Fitted fitted = valuesFit.fit(teamValues);
        for (HasMetadata object : fitted.fitted().objects()) {
            requireExisting(object);
        }
        fitted.fitted().kmsKeyAlias().ifPresent(alias -> kms.orElseThrow(() -> new VaultTestException("The upgraded"
                + " values need KMS key " + alias + " but this environment runs no KMS emulator")).createKeyWithAlias(
                alias));
        return fitted.values();
    }

    /** The upgrade reuses what the install created; an object the new values need on top is not made up here. */
    private void requireExisting(HasMetadata object) {
        String kind = object.getKind();
        String name = object.getMetadata().getName();
        boolean exists = object instanceof StorageClass
                ? cluster.client().storage().v1().storageClasses().withName(name).get() != null
                : cluster.client().resources(object.getClass()).inNamespace(Objects.requireNonNullElse(
                        object.getMetadata().getNamespace(), namespace)).withName(name).get() != null;
        if (!exists) {
            throw new VaultTestException("The upgraded values need " + kind + " " + name + ", which the install of "
                    + namespace + "/" + releaseName() + " did not create (the installed values did not need it)."
                    + " Start an environment with these values instead of upgrading to them.");
        }
    }

    @Override
    public PhaseTimeline timeline() {
        return recorder.timeline();
    }

    @Override
    public List<ReleaseRevision> releaseHistory() {
        return release.history();
    }

    @Override
    public DeploymentSnapshot snapshot() {
        List<NodeSnapshot> observed = new ArrayList<>();
        for (NodeHandle node : nodes) {
            observed.add(node.snapshot());
        }
        Optional<RaftConfiguration> raft = Optional.empty();
        Optional<AutopilotState> autopilot = Optional.empty();
        List<NodeSnapshot> active = observed.stream().filter(n -> n.role() == NodeRole.ACTIVE).toList();
        if (plan.raft() && active.size() == 1 && rootToken != null) {
            try {
                VaultNodeClient client = node(active.get(0).name()).client();
                raft = Optional.of(client.raftConfiguration());
                autopilot = client.autopilotState();
            } catch (RuntimeException e) {
                LOG.debug("Could not read raft state from {}: {}", active.get(0).name(), e.getMessage());
            }
        }
        return new DeploymentSnapshot(namespace, releaseName(), Instant.now(), plan.replicas(), observed, raft,
                autopilot);
    }

    @Override
    public DeploymentSnapshot awaitReady(Duration timeout) {
        GateResult result = Wait.until("ready gate of " + namespace + "/" + releaseName(), timeout,
                spec.timeouts().pollInterval(), this::evaluateGate, GateResult::ready, GateResult::describe);
        return result.snapshot();
    }

    private GateResult evaluateGate() {
        DeploymentSnapshot snapshot = snapshot();
        Optional<String> problem = gate.nodeProblems(snapshot);
        if (problem.isEmpty()) {
            NodeSnapshot active = snapshot.active().orElseThrow();
            problem = gate.canary(node(active.name()).client());
        }
        return new GateResult(snapshot, problem);
    }

    /** One evaluation of the ready gate. */
    private record GateResult(DeploymentSnapshot snapshot, Optional<String> problem) {

        boolean ready() {
            return problem.isEmpty();
        }

        String describe() {
            return problem.orElse("ready") + "\n" + snapshot.describe();
        }
    }

    @Override
    public void close() {
        if (teardown.done()) {
            return;
        }
        LOG.debug("Closing Vault environment {} ({}/{}); phases: {}", id, namespace, releaseName(),
                recorder.timeline().phases().stream().map(p -> p.phase() + " " + p.duration().toMillis() + " ms")
                        .collect(Collectors.joining(", ")));
        teardown.run();
    }

    @Override
    public String toString() {
        return "VaultEnvironment[" + id + " " + namespace + "/" + releaseName() + " " + plan + " on "
                + cluster.description() + (teardown.done() ? ", closed" : "") + "]";
    }
}
