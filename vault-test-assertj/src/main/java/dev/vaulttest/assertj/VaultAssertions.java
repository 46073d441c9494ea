package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.report.RecoveryMeasurement;
import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.LoginResult;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultNodeClient;

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
     * Starts assertions on what happened after a disruption.
     *
     * @param actual the measurement
     * @return the assertion object
     */
    public static RecoveryMeasurementAssert assertThat(RecoveryMeasurement actual) {
        return new RecoveryMeasurementAssert(actual);
    }
}
