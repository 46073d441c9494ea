package dev.vaulttest.engine;

import dev.vaulttest.BringUpException;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitAbortedException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.CleanupCommands;
import dev.vaulttest.internal.Durations;
import dev.vaulttest.internal.KeptNamespace;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.internal.helm.InstalledRelease;
import dev.vaulttest.internal.helm.ReleaseRequest;
import dev.vaulttest.internal.helm.RenderRequest;
import dev.vaulttest.internal.helm.RenderedChart;
import dev.vaulttest.internal.timing.PhaseRecorder;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.vault.HealthStatus;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.RaftJoinRequest;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.VaultApiException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one Vault environment up, phase by phase, and records each phase: cluster (when the environment owns
 * it), install (namespace, KMS emulator, values, overlay objects, render, Helm install), pods-running, init,
 * unseal, join, ready. When a phase fails everything created so far is removed, unless the wiring says to keep
 * it, and a {@link BringUpException} describes the failure.
 */
final class BringUp {

    private static final Logger LOG = LoggerFactory.getLogger(BringUp.class);
    private static final String KUBECTL = "kubectl";

    private final VaultEnvironmentSpec spec;
    private final EnvironmentWiring wiring;
    private final PhaseRecorder recorder = new PhaseRecorder(this::subject);
    private final Teardown teardown = new Teardown();

    private Phase phase = Phase.CLUSTER;
    private String expectation = "the cluster to open and pass its readiness gate";
    private KubernetesCluster cluster;
    private String namespace;
    private EnvironmentNamespaces namespaces;
    private String release;
    private String environment;
    private DeploymentPlan plan;
    private RunningEnvironment env;
    private Optional<String> caCertificatePem = Optional.empty();

    private BringUp(VaultEnvironmentSpec spec, EnvironmentWiring wiring) {
        this.spec = spec;
        this.wiring = wiring;
    }

    /** What the recorder's phase lines name: the namespace and release once they are chosen. */
    private String subject() {
        return namespace == null ? "Vault environment" : "Vault environment " + namespace + "/" + release;
    }

    /**
     * Brings an environment up.
     *
     * @param spec the deployment
     * @param wiring the collaborators
     * @param clusterSource opens the cluster (owned) or hands over the borrowed one
     * @param ownsCluster whether the environment closes the cluster
     * @return the environment past its ready gate
     * @throws BringUpException when a phase fails
     */
    static RunningEnvironment start(VaultEnvironmentSpec spec, EnvironmentWiring wiring,
            Supplier<KubernetesCluster> clusterSource, boolean ownsCluster) {
        BringUp bringUp = new BringUp(spec, wiring);
        try {
            return bringUp.run(clusterSource, ownsCluster);
        } catch (RuntimeException e) {
            throw bringUp.failure(e);
        }
    }

    private RunningEnvironment run(Supplier<KubernetesCluster> clusterSource, boolean ownsCluster) {
        if (ownsCluster) {
            cluster = recorder.time(Phase.CLUSTER, clusterSource);
            KubernetesCluster owned = cluster;
            teardown.add("close " + owned.description(), owned::close);
            if (owned instanceof K3sCluster k3s) {
                LOG.debug("Images for {}: {}", owned.description(), k3s.imagePreload());
            }
        } else {
            cluster = clusterSource.get();
        }
        EnvironmentId id = wiring.ids().get();
        release = id.releaseName();
        environment = id.value();
        namespace = spec.namespace().orElse(id.namespace());
        expect(Phase.INSTALL, "namespace " + namespace + " created, the values fitted to "
                + cluster.description() + ", chart " + spec.chart().describe() + " rendered and installed as release "
                + release + " within " + spec.timeouts().install());
        Installed installed = recorder.time(Phase.INSTALL, () -> install(id));
        expect(Phase.PODS_RUNNING, "all " + plan.replicas() + " Vault pod(s) " + plan.podNames()
                + " Running within " + spec.timeouts().podsRunning());
        PodStates pods = new PodStates(cluster::client, namespace, plan.podNames());
        recorder.time(Phase.PODS_RUNNING, () -> Wait.until("Vault pods of " + namespace + "/" + release
                        + " Running", spec.timeouts().podsRunning(), spec.timeouts().pollInterval(), pods::readOrAbort,
                PodStates::allRunning, PodStates::describe));
        env = connect(id, installed);
        Instant deadline = Instant.now().plus(spec.timeouts().ready());
        if (plan.dev()) {
            expect(Phase.READY, "the dev-mode node unsealed and active, and a kv write and read through it,"
                    + " within " + spec.timeouts().ready());
            recorder.time(Phase.READY, () -> env.awaitReady(remaining(deadline)));
        } else {
            initialiseAndUnseal(deadline);
        }
        LOG.info("Vault environment {} ({}/{}, {}) is ready after {}: {}", id, namespace, release, plan,
                Durations.format(recorder.timeline().total()), describe(recorder.timeline()));
        return env;
    }

    // ---- install -----------------------------------------------------------------------------------------

    /** What the install phase produced. */
    private record Installed(Optional<KmsEmulator> kms, InstalledRelease release, EffectiveValues values,
            List<Adjustment> adjustments, Optional<String> caCertificatePem, ReleaseValuesFit valuesFit) {
    }

    private Installed install(EnvironmentId id) {
        namespaces = new EnvironmentNamespaces(cluster::client, id);
        teardown.add("delete namespace " + namespace, namespaces::close);
        namespaces.create(namespace);
        ReleaseValues.WithMode withMode = ReleaseValues.withMode(spec);
        Optional<KmsEmulator> kms = startKms(withMode.effective());
        ClusterFit.Context context = new ClusterFit.Context(id, release, namespace, cluster.description(),
                cluster.facts(), spec.seal(), kms.map(KmsConnection::of), spec.reclaimPolicy(), spec.injector());
        ReleaseValues.Fitted fittedValues = ReleaseValues.fit(withMode, context);
        ClusterFit.Fitted fitted = fittedValues.fitted();
        ChartValues values = fittedValues.values();
        List<Adjustment> adjustments = fittedValues.adjustments();
        adjustments.forEach(a -> LOG.debug("Release {}: {}", release, a));
        fitted.kmsKeyAlias().ifPresent(alias -> {
            KmsEmulator emulator = kms.orElseThrow(() -> new VaultTestException("The values need KMS key " + alias
                    + " but no KMS emulator runs; seal with SealSpec.awsKms(LOCALSTACK, LOCAL_KMS or EXTERNAL)."));
            String keyId = emulator.createKeyWithAlias(alias);
            LOG.debug("KMS emulator {}: key {} under {}", emulator.provider(), keyId, alias);
        });
        createObjects(fitted.objects(), id);
        RenderRequest.Builder request = RenderRequest.builder(spec.chart()).values(values).releaseName(release)
                .namespace(namespace);
        kubernetesVersion().ifPresent(request::kubeVersion);
        RenderedChart rendered = wiring.renderer().render(request.build());
        plan = DeploymentPlan.of(rendered);
        requireOwnStorageClasses(rendered, id);
        LOG.debug("Release {} will run {}", release, plan);
        Path chartPath = wiring.renderer().cache().localPath(spec.chart());
        InstalledRelease installed = wiring.installer().install(new ReleaseRequest(rendered, chartPath, cluster,
                spec.timeouts().install()));
        teardown.add("uninstall release " + namespace + "/" + release, installed::close);
        caCertificatePem = fitted.caCertificatePem();
        return new Installed(kms, installed, rendered.values(), adjustments, fitted.caCertificatePem(),
                new ReleaseValuesFit(spec, context));
    }

    private Optional<KmsEmulator> startKms(Map<String, Object> values) {
        if (!(spec.seal() instanceof SealSpec.AwsKms aws) || !aws.provider().isEmulated()) {
            return Optional.empty();
        }
        String region = AwsKmsSeal.fromValues(values).map(seal -> seal.emulatorRegion(aws))
                .orElse(aws.region().orElse(AwsKmsSeal.DEFAULT_REGION));
        KmsEmulator emulator = wiring.kmsStarter().start(KmsEmulatorSpec.of(aws.provider(), region), cluster);
        teardown.add(aws.provider().isStartedByLibrary() ? "stop KMS emulator " + aws.provider()
                : "release the external KMS emulator (it keeps running)", emulator::close);
        LOG.debug("KMS emulator {} answers pods at {}", aws.provider(), emulator.endpointForPods());
        return Optional.of(emulator);
    }

    private void createObjects(List<HasMetadata> objects, EnvironmentId id) {
        KubernetesClient client = cluster.client();
        for (HasMetadata object : objects) {
            String name = object.getMetadata().getName();
            if (object instanceof StorageClass storageClass) {
                StorageClass existing = client.storage().v1().storageClasses().withName(name).get();
                if (existing != null) {
                    requireSameReclaimPolicy(storageClass, existing);
                    LOG.debug("StorageClass {} exists already; using it", name);
                    continue;
                }
                try {
                    client.storage().v1().storageClasses().resource(storageClass).create();
                } catch (KubernetesClientException e) {
                    if (e.getCode() == 409) {
                        continue;
                    }
                    throw e;
                }
                teardown.add("delete StorageClass " + name, () -> deleteOwnedStorageClass(name, id));
                LOG.debug("Created StorageClass {}", name);
            } else {
                if (object.getMetadata().getNamespace() == null) {
                    object.getMetadata().setNamespace(namespace);
                }
                client.resource(object).create();
                LOG.debug("Created {} {}/{}", object.getKind(), object.getMetadata().getNamespace(), name);
            }
        }
    }

    /**
     * The claims may name a StorageClass that another vault-test environment created on a shared cluster (the fit
     * saw it and created none): it is used only when its reclaim policy is the one this spec asks for, because
     * that policy is what the storage tests prove. Classes the library did not create are the user's choice.
     */
    private void requireOwnStorageClasses(RenderedChart rendered, EnvironmentId id) {
        for (StatefulSet sts : rendered.manifests().all(StatefulSet.class)) {
            if (sts.getSpec() == null || sts.getSpec().getVolumeClaimTemplates() == null) {
                continue;
            }
            for (PersistentVolumeClaim claim : sts.getSpec().getVolumeClaimTemplates()) {
                String name = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
                StorageClass existing = name == null ? null
                        : cluster.client().storage().v1().storageClasses().withName(name).get();
                if (existing == null || existing.getMetadata().getLabels() == null) {
                    continue;
                }
                String owner = existing.getMetadata().getLabels().get(Labels.ENVIRONMENT);
                if (owner != null && !owner.equals(id.value())) {
                    requireSameReclaimPolicy(spec.reclaimPolicy().kubernetesName(), existing);
                }
            }
        }
    }

    /**
     * A class another environment created (a shared cluster) is used only when it keeps volumes the way this
     * spec asks: its reclaim policy is what the storage tests prove.
     */
    private static void requireSameReclaimPolicy(StorageClass wanted, StorageClass existing) {
        requireSameReclaimPolicy(wanted.getReclaimPolicy() == null ? "Delete" : wanted.getReclaimPolicy(), existing);
    }

    private static void requireSameReclaimPolicy(String want, StorageClass existing) {
        String have = existing.getReclaimPolicy() == null ? "Delete" : existing.getReclaimPolicy();
        if (!want.equals(have)) {
            Map<String, String> labels = existing.getMetadata().getLabels() == null ? Map.of()
                    : existing.getMetadata().getLabels();
            throw new VaultTestException("StorageClass '" + existing.getMetadata().getName() + "' exists already"
                    + " with reclaimPolicy " + have + (labels.containsKey(Labels.ENVIRONMENT) ? " (created by"
                    + " environment " + labels.get(Labels.ENVIRONMENT) + ")" : "") + ", but this environment asks for "
                    + want + ". Using it would test the other policy. Give the environments different"
                    + " StorageClass names in their values, the same reclaimPolicy, or run them one after the other.");
        }
    }

    private void deleteOwnedStorageClass(String name, EnvironmentId id) {
        StorageClass current = cluster.client().storage().v1().storageClasses().withName(name).get();
        Map<String, String> labels = current == null || current.getMetadata().getLabels() == null ? Map.of()
                : current.getMetadata().getLabels();
        if (current != null && id.value().equals(labels.get(Labels.ENVIRONMENT))) {
            cluster.client().storage().v1().storageClasses().withName(name).delete();
        }
    }

    private Optional<String> kubernetesVersion() {
        try {
            var version = cluster.client().getKubernetesVersion();
            return Optional.ofNullable(version == null ? null : version.getGitVersion())
                    .map(v -> v.replaceAll("\\+.*$", ""));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---- nodes, init, unseal, join -------------------------------------------------------------------------

    private RunningEnvironment connect(EnvironmentId id, Installed installed) {
        NodeConnector connector = wiring.connectors().apply(cluster);
        List<NodeHandle> handles = new ArrayList<>();
        for (String pod : plan.podNames()) {
            handles.add(new NodeHandle(pod, namespace, plan.scheme(), installed.caCertificatePem(),
                    wiring.vaultTimeouts(), connector, cluster::client,
                    () -> env == null ? Optional.empty() : env.rootTokenIfKnown()));
        }
        teardown.add("close the connections to the Vault pods", () -> handles.forEach(NodeHandle::close));
        return new RunningEnvironment(spec, id, namespace, cluster, plan, handles, installed.kms(),
                installed.release(), installed.values(), installed.adjustments(), installed.valuesFit(), recorder,
                teardown);
    }

    private void initialiseAndUnseal(Instant deadline) {
        List<NodeHandle> nodes = env.handles();
        NodeHandle leader = nodes.get(0);
        expect(Phase.INIT, "node " + leader.name() + " to answer on port " + DeploymentPlan.API_PORT
                + " as a new, uninitialised Vault and accept sys/init");
        InitResult init = recorder.time(Phase.INIT, () -> initialise(leader, deadline));
        env.keys(init.rootToken(), init.keys(), init.recoveryKeys());
        expect(Phase.UNSEAL, "node " + leader.name() + " unsealed ("
                + (init.isAutoUnseal() ? "by the KMS" : "with the unseal keys") + ") and active");
        recorder.time(Phase.UNSEAL, () -> {
            awaitUnsealed(leader, deadline);
            Wait.until(leader.name() + " active", remaining(deadline), spec.timeouts().pollInterval(),
                    () -> leader.anonymousClient().health(), HealthStatus::isActive,
                    h -> "health " + h.httpStatus() + " " + h.state());
        });
        List<NodeHandle> followers = nodes.subList(1, nodes.size());
        if (!followers.isEmpty()) {
            boolean join = plan.raft();
            expect(Phase.JOIN, "followers " + followers.stream().map(NodeHandle::name).toList()
                    + (join ? " joined to the raft cluster at " + plan.leaderApiAddress()
                            + (plan.retryJoin() ? " (by the configuration's retry_join or explicitly)" : "") : "")
                    + (init.isAutoUnseal() ? " and unsealed by the KMS" : " and unsealed with the unseal keys"));
            recorder.time(Phase.JOIN, () -> followers.forEach(f -> joinAndUnseal(f, join, deadline)));
        }
        expect(Phase.READY, "every node unsealed, exactly one active"
                + (plan.raft() ? ", " + plan.replicas() + " raft voter(s)" : "")
                + " and a kv write and read through the active node");
        recorder.time(Phase.READY, () -> env.awaitReady(remaining(deadline)));
    }

    private InitResult initialise(NodeHandle leader, Instant deadline) {
        SealStatus status = answering(leader, deadline);
        if (status.initialized()) {
            throw new VaultTestException("Node " + leader.name() + " is already initialised (seal type "
                    + status.type() + "), so its keys are unknown to the library. Its data volume probably holds an"
                    + " earlier cluster: delete the namespace's PVCs, or let the library generate the namespace.");
        }
        int shares;
        int threshold;
        if (spec.seal() instanceof SealSpec.AwsKms aws) {
            if (!status.recoverySeal()) {
                throw new VaultTestException("The spec asks for awskms auto-unseal, but node " + leader.name()
                        + " reports seal type '" + status.type() + "'. The Vault configuration has no active seal"
                        + " \"awskms\" stanza (or VAULT_SEAL_TYPE=awskms); add one to the values.");
            }
            shares = aws.recoveryShares();
            threshold = aws.recoveryThreshold();
        } else {
            SealSpec.Shamir shamir = (SealSpec.Shamir) spec.seal();
            shares = shamir.shares();
            threshold = shamir.threshold();
        }
        return leader.anonymousClient().init(InitRequest.matching(status, shares, threshold));
    }

    private SealStatus answering(NodeHandle node, Instant deadline) {
        return Wait.until(node.name() + " answering sys/seal-status", remaining(deadline),
                spec.timeouts().pollInterval(), () -> node.anonymousClient().sealStatus(), s -> true,
                s -> "seal type " + s.type());
    }

    private void awaitUnsealed(NodeHandle node, Instant deadline) {
        Wait.until(node.name() + " unsealed", remaining(deadline), spec.timeouts().pollInterval(), () -> {
            env.unsealIfSealed(node);
            return node.anonymousClient().sealStatus();
        }, SealStatus::isUnsealed, s -> "initialized=" + s.initialized() + ", sealed=" + s.sealed() + ", progress "
                + s.progress() + "/" + s.threshold() + ", seal type " + s.type());
    }

    /**
     * Joins a follower to the first node, unless it is already a member (the configuration's {@code retry_join}
     * may have been first, or its leader addresses may name another release and never work), then waits until it
     * is unsealed (Shamir: with the keys; auto-unseal: by the KMS).
     */
    private void joinAndUnseal(NodeHandle follower, boolean join, Instant deadline) {
        answering(follower, deadline);
        if (join) {
            RaftJoinRequest request = RaftJoinRequest.to(plan.leaderApiAddress());
            if (plan.scheme().equals("https") && caCertificatePem.isPresent()) {
                request = request.withLeaderCaCert(caCertificatePem.get());
            }
            RaftJoinRequest joinRequest = request;
            Wait.until(follower.name() + " joined to " + plan.leaderApiAddress(), remaining(deadline),
                    spec.timeouts().pollInterval(), () -> joined(follower, joinRequest), joined -> joined,
                    joined -> "join not accepted");
        }
        awaitUnsealed(follower, deadline);
    }

    /** One join attempt: done when the follower is a member already or accepts the join. */
    private boolean joined(NodeHandle follower, RaftJoinRequest request) {
        if (follower.anonymousClient().sealStatus().initialized()) {
            return true;
        }
        try {
            return follower.anonymousClient().raftJoin(request);
        } catch (VaultApiException e) {
            if (e.hasError("already initialized")) {
                return true;
            }
            // A retry_join in progress under Shamir waits for the unseal keys to answer the leader's challenge.
            env.unsealIfSealed(follower);
            throw e;
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left;
    }

    // ---- failure -------------------------------------------------------------------------------------------

    private void expect(Phase nextPhase, String what) {
        this.phase = nextPhase;
        this.expectation = what;
    }

    private BringUpException failure(RuntimeException cause) {
        StringBuilder message = new StringBuilder("Bringing up Vault ");
        message.append(namespace == null ? "" : namespace + "/" + release + " ");
        message.append(cluster == null ? "" : "on " + cluster.description() + " ");
        message.append("failed in phase '").append(phase).append("'.\nExpected: ").append(expectation)
                .append(".\nSeen: ").append(seen(cause));
        if (plan != null && cluster != null) {
            appendObservations(message);
        }
        // Only a namespace this bring-up created is kept (and marked): one that existed already is someone else's.
        boolean keep = wiring.keepOnFailure() && namespaces != null && namespaces.created().contains(namespace);
        if (keep) {
            KeptNamespace.mark(cluster.client(), namespace, "bring-up failed in phase '" + phase
                    + "' (keep-on-failure)", Instant.now());
            message.append("\nKept for inspection (keep-on-failure): namespace ").append(namespace)
                    .append(", release ").append(release).append(". Remove it when done, with what the chart and the"
                            + " library made outside the namespace:\n  ")
                    .append(String.join("\n  ", CleanupCommands.removeEnvironments(KUBECTL, List.of(namespace),
                            List.of(environment))));
        } else {
            teardown.run();
            message.append("\nEverything this environment created was removed");
            message.append(cluster == null ? "." : " (release, namespace, StorageClasses, KMS emulator"
                    + (teardownOwnsCluster() ? ", cluster" : "") + ").");
        }
        message.append("\nPhases so far: ").append(describe(recorder.timeline()));
        return new BringUpException(phase, Redactor.redact(message.toString()), keep, cause);
    }

    private boolean teardownOwnsCluster() {
        return recorder.timeline().find(Phase.CLUSTER).isPresent();
    }

    private static String seen(RuntimeException cause) {
        if (cause instanceof WaitTimeoutException || cause instanceof WaitAbortedException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void appendObservations(StringBuilder message) {
        PodStates pods = new PodStates(cluster::client, namespace, plan.podNames());
        try {
            Map<String, io.fabric8.kubernetes.api.model.Pod> read = pods.read();
            message.append("\nPods:\n").append(read.entrySet().stream()
                    .map(e -> "  " + PodStates.describe(e.getKey(), e.getValue())).collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            message.append("\nPods: could not be read (").append(e.getMessage()).append(')');
        }
        if (env != null) {
            try {
                message.append("\nNodes:\n").append(env.snapshot().describe());
            } catch (RuntimeException e) {
                message.append("\nNodes: could not be observed (").append(e.getMessage()).append(')');
            }
        }
        message.append("\nRecent events:\n").append(pods.recentEvents());
        message.append("\nRecent log lines:\n").append(pods.recentLogs());
    }

    private static String describe(PhaseTimeline timeline) {
        if (timeline.isEmpty()) {
            return "none";
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        timeline.phases().forEach(p -> millis.merge(p.phase().label(), p.duration().toMillis(), Long::sum));
        return millis.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", "));
    }
}
