package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldBeInitialized.shouldBeInitialized;
import static dev.vaulttest.assertj.error.ShouldBeSealed.shouldBeSealed;
import static dev.vaulttest.assertj.error.ShouldBeUnsealed.shouldBeUnsealed;
import static dev.vaulttest.assertj.error.ShouldHaveExactlyOneActiveNode.shouldHaveActiveNode;
import static dev.vaulttest.assertj.error.ShouldHaveExactlyOneActiveNode.shouldHaveExactlyOneActiveNode;
import static dev.vaulttest.assertj.error.ShouldHaveExactlyOneActiveNode.shouldHaveLeaderOtherThan;
import static dev.vaulttest.assertj.error.ShouldHaveHealthyAutopilot.shouldHaveAutopilotState;
import static dev.vaulttest.assertj.error.ShouldHaveHealthyAutopilot.shouldHaveHealthyAutopilot;
import static dev.vaulttest.assertj.error.ShouldHaveRaftMembers.shouldHaveMemberCount;
import static dev.vaulttest.assertj.error.ShouldHaveRaftMembers.shouldHaveMembers;
import static dev.vaulttest.assertj.error.ShouldHaveRaftMembers.shouldHaveRaftConfiguration;
import static dev.vaulttest.assertj.error.ShouldHaveSealType.shouldHaveSealType;
import static dev.vaulttest.assertj.error.ShouldHaveSealType.shouldUseAutoUnseal;
import static dev.vaulttest.assertj.error.ShouldHaveStorageType.shouldHaveStorageType;
import static dev.vaulttest.assertj.error.ShouldHaveVersion.shouldHaveVersion;
import static dev.vaulttest.assertj.error.ShouldNotBeInDevMode.shouldHaveAnsweredAboutStorage;
import static dev.vaulttest.assertj.error.ShouldNotBeInDevMode.shouldNotBeInDevMode;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultNode;
import dev.vaulttest.vault.RaftConfiguration;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.SealStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link DeploymentSnapshot}: seal state, dev mode, seal and storage types, version, leadership,
 * raft membership and autopilot.
 *
 * <p>A failure names the deployment, says what was expected, lists every offending node with its state, shows every
 * node of the snapshot ({@link DeploymentSnapshot#describe()}) and adds a hint when the state has a known cause,
 * for example sealed nodes under Shamir. Node names are checked against the snapshot: an unknown name is an
 * {@link IllegalArgumentException}, not a failure.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractDeploymentSnapshotAssert<SELF extends AbstractDeploymentSnapshotAssert<SELF>>
        extends AbstractAssert<SELF, DeploymentSnapshot> {

    /**
     * Creates the assertion.
     *
     * @param actual the snapshot to check
     * @param selfType the concrete assertion class
     */
    protected AbstractDeploymentSnapshotAssert(DeploymentSnapshot actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that every node reports itself initialised. Unreachable nodes fail: their state is unknown.
     *
     * @return this assertion
     */
    public SELF isInitialized() {
        return everyNode(n -> n.sealStatus().map(SealStatus::initialized).orElse(false),
                offenders -> throwAssertionError(shouldBeInitialized(actual, offenders)));
    }

    /**
     * Verifies that every node the deployment should have exists and is unsealed.
     *
     * @return this assertion
     */
    public SELF isUnsealed() {
        return everyNode(NodeSnapshot::isUnsealed, offenders -> throwAssertionError(shouldBeUnsealed(actual, offenders)));
    }

    /**
     * Verifies that one node is unsealed.
     *
     * @param node the pod name, for example {@code vault-1}
     * @return this assertion
     * @throws IllegalArgumentException when the snapshot has no such node
     */
    public SELF isUnsealedOn(String node) {
        NodeSnapshot named = requireNode(node);
        if (!named.isUnsealed()) {
            throwAssertionError(shouldBeUnsealed(named, Optional.of(actual)));
        }
        return myself;
    }

    /**
     * Verifies that every node the deployment should have exists and reports itself sealed.
     *
     * @return this assertion
     */
    public SELF isSealed() {
        return everyNode(AbstractDeploymentSnapshotAssert::isSealed,
                offenders -> throwAssertionError(shouldBeSealed(actual, offenders)));
    }

    /**
     * Verifies that one node reports itself sealed.
     *
     * @param node the pod name
     * @return this assertion
     * @throws IllegalArgumentException when the snapshot has no such node
     */
    public SELF isSealedOn(String node) {
        NodeSnapshot named = requireNode(node);
        if (!isSealed(named)) {
            throwAssertionError(shouldBeSealed(named, Optional.of(actual)));
        }
        return myself;
    }

    /**
     * Verifies that no node runs in dev mode, whose signature is in-memory storage ({@code inmem}). Nodes that did
     * not answer are not held against it, but at least one node must have answered.
     *
     * @return this assertion
     */
    public SELF isNotInDevMode() {
        isNotNull();
        List<SealStatus> answers = actual.nodes().stream().flatMap(n -> n.sealStatus().stream()).toList();
        if (answers.isEmpty()) {
            throwAssertionError(shouldHaveAnsweredAboutStorage(actual));
        }
        List<NodeSnapshot> offenders = actual.nodes().stream()
                .filter(n -> n.sealStatus().map(SealStatus::isInMemoryStorage).orElse(false)).toList();
        if (!offenders.isEmpty()) {
            throwAssertionError(shouldNotBeInDevMode(actual, offenders));
        }
        return myself;
    }

    /**
     * Verifies that every node reports this seal type.
     *
     * @param type the seal type, for example {@code shamir}, {@code awskms}, {@code transit}
     * @return this assertion
     * @throws IllegalArgumentException when {@code type} is blank
     */
    public SELF hasSealType(String type) {
        Arguments.requireText(type, "seal type");
        return everyAnswer(n -> n.sealStatus().map(s -> s.type().equals(type)).orElse(false),
                offenders -> throwAssertionError(shouldHaveSealType(actual, type, offenders)));
    }

    /**
     * Verifies that every node uses an auto-unseal seal (a KMS or HSM, with recovery keys), so restarts need no one
     * to type unseal keys.
     *
     * @return this assertion
     */
    public SELF usesAutoUnseal() {
        return everyAnswer(n -> n.sealStatus().map(SealStatus::isAutoUnseal).orElse(false),
                offenders -> throwAssertionError(shouldUseAutoUnseal(actual, offenders)));
    }

    /**
     * Verifies that every node reports this storage type.
     *
     * @param type the storage type, for example {@code raft} or {@code file}
     * @return this assertion
     * @throws IllegalArgumentException when {@code type} is blank
     */
    public SELF hasStorageType(String type) {
        Arguments.requireText(type, "storage type");
        return everyAnswer(n -> n.sealStatus().map(s -> s.storageType().equals(type)).orElse(false),
                offenders -> throwAssertionError(shouldHaveStorageType(actual, type, offenders)));
    }

    /**
     * Verifies that every node runs this Vault version.
     *
     * @param version the version as Vault reports it, for example {@code 1.21.2}
     * @return this assertion
     * @throws IllegalArgumentException when {@code version} is blank
     */
    public SELF hasVersion(String version) {
        Arguments.requireText(version, "version");
        return everyAnswer(n -> n.sealStatus().map(s -> s.version().equals(version)).orElse(false),
                offenders -> throwAssertionError(shouldHaveVersion(actual, version, offenders)));
    }

    /**
     * Verifies that exactly one node is active.
     *
     * @return this assertion
     */
    public SELF hasExactlyOneActiveNode() {
        isNotNull();
        if (actual.nodesIn(NodeRole.ACTIVE).size() != 1) {
            throwAssertionError(shouldHaveExactlyOneActiveNode(actual));
        }
        return myself;
    }

    /**
     * Verifies that the given node is the single active node.
     *
     * @param node the pod name
     * @return this assertion
     * @throws IllegalArgumentException when the snapshot has no such node
     */
    public SELF hasActiveNode(String node) {
        requireNode(node);
        if (actual.active().filter(active -> active.name().equals(node)).isEmpty()) {
            throwAssertionError(shouldHaveActiveNode(actual, node));
        }
        return myself;
    }

    /**
     * Verifies that exactly one node is active and that it is not the given one, for example the leader that was
     * just killed.
     *
     * @param formerLeader the pod name of the node that must not lead
     * @return this assertion
     * @throws IllegalArgumentException when the snapshot has no such node
     */
    public SELF hasLeaderOtherThan(String formerLeader) {
        requireNode(formerLeader);
        if (actual.active().filter(active -> !active.name().equals(formerLeader)).isEmpty()) {
            throwAssertionError(shouldHaveLeaderOtherThan(actual, formerLeader));
        }
        return myself;
    }

    /**
     * Verifies that exactly one node is active and that it is not the given one.
     *
     * @param formerLeader the node that must not lead
     * @return this assertion
     * @throws IllegalArgumentException when {@code formerLeader} is null or not in the snapshot
     */
    public SELF hasLeaderOtherThan(VaultNode formerLeader) {
        Arguments.requireNonNull(formerLeader, "former leader");
        return hasLeaderOtherThan(formerLeader.name());
    }

    /**
     * Verifies the number of raft voters, as the active node lists them.
     *
     * @param expected the number of voters
     * @return this assertion
     * @throws IllegalArgumentException when {@code expected} is negative
     */
    public SELF hasRaftVoterCount(int expected) {
        Arguments.requireNotNegative(expected, "voter count");
        return memberCount("voters", expected, true);
    }

    /**
     * Verifies the number of raft non-voters (nodes that joined and wait for autopilot to promote them).
     *
     * @param expected the number of non-voters
     * @return this assertion
     * @throws IllegalArgumentException when {@code expected} is negative
     */
    public SELF hasRaftNonVoterCount(int expected) {
        Arguments.requireNotNegative(expected, "non-voter count");
        return memberCount("non-voters", expected, false);
    }

    /**
     * Verifies that the raft voters are exactly these node ids, in any order.
     *
     * @param nodeIds the raft node ids (with the chart, the pod names)
     * @return this assertion
     * @throws IllegalArgumentException when an id is blank or given twice
     */
    public SELF hasRaftVoters(String... nodeIds) {
        return members("voters", Arguments.requireDistinctTexts(nodeIds, "node ids"), true);
    }

    /**
     * Verifies that the raft non-voters are exactly these node ids, in any order.
     *
     * @param nodeIds the raft node ids
     * @return this assertion
     * @throws IllegalArgumentException when an id is blank or given twice
     */
    public SELF hasRaftNonVoters(String... nodeIds) {
        return members("non-voters", Arguments.requireDistinctTexts(nodeIds, "node ids"), false);
    }

    /**
     * Verifies that raft autopilot reports the cluster healthy.
     *
     * @return this assertion
     */
    public SELF hasHealthyAutopilot() {
        isNotNull();
        if (actual.autopilot().isEmpty()) {
            throwAssertionError(shouldHaveAutopilotState(actual));
        } else if (!actual.autopilot().get().healthy()) {
            throwAssertionError(shouldHaveHealthyAutopilot(actual, actual.autopilot().get()));
        }
        return myself;
    }

    /**
     * Navigates to one node. Failures there name the node and still show every node of the deployment.
     *
     * <p>In {@link VaultSoftAssertions} the returned assertion fails at once rather than collecting; use the
     * deployment-level methods ({@link #isUnsealedOn(String)}, {@link #hasActiveNode(String)}) or
     * {@code softly.assertThat(nodeSnapshot)} there.
     *
     * @param name the pod name
     * @return assertions on that node
     * @throws IllegalArgumentException when the snapshot has no such node
     */
    public NodeSnapshotAssert node(String name) {
        return new NodeSnapshotAssert(requireNode(name), actual);
    }

    private SELF everyNode(Predicate<NodeSnapshot> condition, Consumer<List<NodeSnapshot>> fail) {
        isNotNull();
        List<NodeSnapshot> offenders = actual.nodes().stream().filter(condition.negate()).toList();
        if (!offenders.isEmpty() || actual.nodes().size() < actual.expectedReplicas() || actual.nodes().isEmpty()) {
            fail.accept(offenders);
        }
        return myself;
    }

    /** Like {@link #everyNode} without counting missing nodes: for values every answering node reports. */
    private SELF everyAnswer(Predicate<NodeSnapshot> condition, Consumer<List<NodeSnapshot>> fail) {
        isNotNull();
        List<NodeSnapshot> offenders = actual.nodes().stream().filter(condition.negate()).toList();
        if (!offenders.isEmpty() || actual.nodes().isEmpty()) {
            fail.accept(offenders);
        }
        return myself;
    }

    private SELF memberCount(String kind, int expected, boolean voters) {
        isNotNull();
        RaftConfiguration raft = requireRaft("to have " + expected + " raft " + kind);
        List<RaftServer> members = raft.servers().stream().filter(s -> s.voter() == voters).toList();
        if (members.size() != expected) {
            throwAssertionError(shouldHaveMemberCount(actual, kind, expected, members, raft));
        }
        return myself;
    }

    private SELF members(String kind, Set<String> expected, boolean voters) {
        isNotNull();
        RaftConfiguration raft = requireRaft("to have exactly the raft " + kind + " " + expected);
        List<String> present = raft.servers().stream().filter(s -> s.voter() == voters).map(RaftServer::nodeId)
                .toList();
        List<String> missing = expected.stream().filter(id -> !present.contains(id)).toList();
        List<String> unexpected = present.stream().filter(id -> !expected.contains(id)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throwAssertionError(shouldHaveMembers(actual, kind, expected, missing, unexpected, raft));
        }
        return myself;
    }

    private RaftConfiguration requireRaft(String expectation) {
        if (actual.raft().isEmpty()) {
            throwAssertionError(shouldHaveRaftConfiguration(actual, expectation));
        }
        return actual.raft().get();
    }

    private NodeSnapshot requireNode(String name) {
        Arguments.requireText(name, "node name");
        isNotNull();
        return actual.node(name).orElseThrow(() -> new IllegalArgumentException("Deployment " + actual.namespace()
                + "/" + actual.release() + " has no node named '" + name + "'; its nodes are "
                + actual.nodes().stream().map(NodeSnapshot::name).toList()));
    }

    private static boolean isSealed(NodeSnapshot node) {
        return node.sealStatus().map(SealStatus::sealed).orElse(false);
    }
}
