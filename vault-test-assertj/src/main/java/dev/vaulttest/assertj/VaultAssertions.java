package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.chaos.ServiceAccountToken;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.LiveDeployment;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.LoginResult;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultNodeClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Entry point for vault-test's AssertJ assertions. Import statically next to AssertJ's own
 * {@code Assertions.assertThat}; the overloads do not clash because they take vault-test types.
 *
 * <pre>{@code
 * import static dev.vaulttest.assertj.VaultAssertions.assertThat;
 *
 * assertThat(env.snapshot()).isUnsealed().hasExactlyOneActiveNode().isNotInDevMode().hasRaftVoterCount(3);
 * assertThat(canary).survivedOn(env);
 * assertThat(client.loginKubernetes("app", jwt)).isDeniedWith(403, "service account name not authorized");
 * eventually(Duration.ofMinutes(2)).untilAsserted(env, s -> assertThat(s).hasLeaderOtherThan("vault-0"));
 * }</pre>
 *
 * <p>Arguments are checked: a null, blank or impossible argument (an unknown node name, a health code Vault never
 * answers with) is an {@link IllegalArgumentException}, never a passing or failing assertion.
 */
public final class VaultAssertions {

    private VaultAssertions() {
    }

    /**
     * Starts assertions on the findings of a check run, offline or live.
     *
     * @param actual the report to check
     * @return the assertion object
     */
    public static CheckReportAssert assertThat(CheckReport actual) {
        return new CheckReportAssert(actual);
    }

    /**
     * Starts assertions on a deployment as observed at one moment.
     *
     * @param actual the snapshot, for example {@code env.snapshot()}
     * @return the assertion object
     */
    public static DeploymentSnapshotAssert assertThat(DeploymentSnapshot actual) {
        return new DeploymentSnapshotAssert(actual);
    }

    /**
     * Starts assertions on a deployment as observed now: takes {@code env.snapshot()}.
     *
     * @param env the deployment
     * @return the assertion object over a snapshot taken now
     * @throws IllegalArgumentException when {@code env} is null
     */
    public static DeploymentSnapshotAssert assertThat(VaultEnvironment env) {
        return new DeploymentSnapshotAssert(Arguments.requireNonNull(env, "environment").snapshot());
    }

    /**
     * Starts assertions on one node as observed at one moment.
     *
     * @param actual the node snapshot, for example {@code env.node("vault-1").snapshot()}
     * @return the assertion object
     */
    public static NodeSnapshotAssert assertThat(NodeSnapshot actual) {
        return new NodeSnapshotAssert(actual);
    }

    /**
     * Starts assertions on what a KV v2 path held when it was read.
     *
     * @param actual the read
     * @return the assertion object
     */
    public static KvReadAssert assertThat(KvRead actual) {
        return new KvReadAssert(actual);
    }

    /**
     * Starts assertions on a KV v2 secret that was already read.
     *
     * @param actual the secret
     * @return the assertion object
     */
    public static KvReadAssert assertThat(KvSecret actual) {
        return new KvReadAssert(actual == null ? null : KvRead.of(actual));
    }

    /**
     * Reads a KV v2 path now and starts assertions on the answer.
     *
     * @param client a client whose token may read the path, for example {@code env.client()}
     * @param mount the KV v2 mount, for example {@code secret}
     * @param path the path inside the mount
     * @return the assertion object
     * @throws IllegalArgumentException when the client is null or the mount or path is blank
     * @throws dev.vaulttest.vault.VaultApiException when the node does not answer or refuses
     */
    public static KvReadAssert assertThatSecret(VaultNodeClient client, String mount, String path) {
        return new KvReadAssert(KvRead.of(client, mount, path));
    }

    /**
     * Starts assertions on canary secrets written before a disruption.
     *
     * @param actual the canary
     * @return the assertion object
     */
    public static SecretCanaryAssert assertThat(SecretCanary actual) {
        return new SecretCanaryAssert(actual);
    }

    /**
     * Starts assertions on the outcome of a login.
     *
     * @param actual the result, for example of {@code client.loginKubernetes("app", jwt)}
     * @return the assertion object
     */
    public static LoginResultAssert assertThat(LoginResult actual) {
        return new LoginResultAssert(actual);
    }

    /**
     * Logs in with a ServiceAccount token at the {@code kubernetes} auth mount now and starts assertions on the
     * outcome; messages name the role and the node.
     *
     * @param client a client of the node to log in on (no token needed)
     * @param role the Kubernetes auth role
     * @param jwt the ServiceAccount token
     * @return the assertion object
     * @throws IllegalArgumentException when an argument is null or the role is blank
     * @throws dev.vaulttest.vault.VaultApiException when the node does not answer or is sealed
     */
    public static LoginResultAssert assertThatKubernetesLogin(VaultNodeClient client, String role, Sensitive jwt) {
        Arguments.requireNonNull(client, "client");
        Arguments.requireText(role, "role");
        Arguments.requireNonNull(jwt, "JWT");
        return new LoginResultAssert(client.loginKubernetes(role, jwt),
                "Kubernetes login as role '" + role + "' on " + client.endpoint().nodeName());
    }

    /**
     * Logs in with a ServiceAccount's token (for example from {@code chaos.serviceAccounts().issueToken(...)}) at
     * the {@code kubernetes} auth mount now and starts assertions on the outcome; messages name the
     * ServiceAccount, the role and the node.
     *
     * @param client a client of the node to log in on (no token needed)
     * @param role the Kubernetes auth role
     * @param token the ServiceAccount's token
     * @return the assertion object
     * @throws IllegalArgumentException when an argument is null or the role is blank
     * @throws dev.vaulttest.vault.VaultApiException when the node does not answer or is sealed
     */
    public static LoginResultAssert assertThatKubernetesLogin(VaultNodeClient client, String role,
            ServiceAccountToken token) {
        Arguments.requireNonNull(client, "client");
        Arguments.requireText(role, "role");
        Arguments.requireNonNull(token, "token");
        return new LoginResultAssert(client.loginKubernetes(role, token.jwt()), "Kubernetes login of service account "
                + token.spec().account() + " as role '" + role + "' on " + client.endpoint().nodeName());
    }

    /**
     * Starts assertions on what happened after a disruption.
     *
     * @param actual the measurement
     * @return the assertion object
     */
    public static RecoveryMeasurementAssert assertThat(RecoveryMeasurement actual) {
        return new RecoveryMeasurementAssert(actual);
    }

    /**
     * Starts assertions on a chaos disruption handle and the recoveries measured on it.
     *
     * @param actual the handle, for example from {@code chaos.deleteActive()}
     * @return the assertion object
     */
    public static DisruptionAssert assertThat(Disruption actual) {
        return new DisruptionAssert(actual);
    }

    /**
     * Starts assertions on what runs in Kubernetes for a release.
     *
     * @param actual the live release, for example {@code LiveDeployment.read(client, namespace, release)}
     * @return the assertion object
     */
    public static LiveDeploymentAssert assertThat(LiveDeployment actual) {
        return new LiveDeploymentAssert(actual);
    }

    /**
     * Reads what runs in Kubernetes for an environment's release now and starts assertions on it.
     *
     * @param env the deployment
     * @return the assertion object
     * @throws IllegalArgumentException when {@code env} is null
     * @throws dev.vaulttest.base.VaultTestException when the cluster refuses a read
     */
    public static LiveDeploymentAssert assertThatKubernetesStateOf(VaultEnvironment env) {
        Arguments.requireNonNull(env, "environment");
        return new LiveDeploymentAssert(LiveDeployment.read(env.kubernetes(), env.namespace(), env.releaseName()));
    }

    /**
     * Starts an eventual assertion: the subject is observed again for every attempt until the assertions passed
     * to {@link EventualAssert#satisfies} pass, or time runs out.
     *
     * @param subject observes the subject, for example {@code env::snapshot}
     * @param <T> the subject's type
     * @return the eventual assertion, waiting {@link EventualAssert#DEFAULT_TIMEOUT} unless told otherwise
     * @throws IllegalArgumentException when {@code subject} is null
     */
    public static <T> EventualAssert<T> assertThatEventually(Supplier<? extends T> subject) {
        return new EventualAssert<>(subject);
    }

    /**
     * Starts a wait that makes any assertion eventual, for example
     * {@code eventually(Duration.ofMinutes(2)).untilAsserted(env, s -> assertThat(s).isUnsealed())}.
     *
     * @param timeout how long the assertion may take to pass
     * @return the wait, polling every second (a tenth of shorter timeouts) unless told otherwise
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    public static Eventually eventually(Duration timeout) {
        return Eventually.within(timeout);
    }
}
