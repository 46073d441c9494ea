package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.KubernetesCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The k3s service account signing key rotated by the documented procedure: a new key is staged with the old key
 * appended after it, loaded with {@code k3s certificate rotate-ca}, and k3s is restarted (here: the cluster is
 * stopped and started, so every pod restarts too). New tokens are then signed with the new key (another
 * {@code kid}); tokens signed before stay valid because the old key still verifies them, unless the rotation
 * dropped it. The handle is returned once a new token shows the new key and TokenReview treats the old token as
 * the procedure says. Cannot be healed.
 *
 * <p><strong>Dropping the old key</strong> ({@code keepOldKey = false}) is not the documented procedure: k3s's
 * {@code rotate-ca} refuses a key list that lacks the key in use, so this mode passes {@code --force}. Every
 * token signed before the rotation then dies at once, including the reviewer token Vault may hold; use it to
 * prove what an unplanned key loss does, never as a model of a planned rotation.
 */
public final class SigningKeyRotation extends AbstractDisruption {

    /** Where k3s keeps the key in use; never written here, only read. */
    static final String CURRENT_KEY = "/var/lib/rancher/k3s/server/tls/service.key";
    /** Where the new key is staged, as the procedure asks (never the live directory). */
    static final String STAGING = "/tmp/vault-test-sa-key-rotation";

    private final TokenSpec probe;
    private final boolean keepOldKey;
    private ServiceAccountToken before;
    private ServiceAccountToken after;

    private SigningKeyRotation(VaultEnvironment env, ChaosOptions options, TokenSpec probe, boolean keepOldKey) {
        super(env, options, "rotate-signing-key", "cluster/" + env.cluster().description());
        this.probe = probe;
        this.keepOldKey = keepOldKey;
    }

    static SigningKeyRotation apply(VaultEnvironment env, ChaosOptions options, TokenSpec probe, boolean keepOldKey) {
        KubernetesCluster cluster = env.cluster();
        if (!(cluster instanceof K3sCluster k3s)) {
            throw new ChaosPreconditionException("Rotating the service account signing key needs a k3s cluster the"
                    + " library runs; " + cluster.description() + " is not one.");
        }
        return apply(env, options, K3sShell.of(k3s), probe, keepOldKey);
    }

    static SigningKeyRotation apply(VaultEnvironment env, ChaosOptions options, ClusterShell shell, TokenSpec probe,
            boolean keepOldKey) {
        if (!env.cluster().supportsRestart()) {
            throw new ChaosPreconditionException("Rotating the signing key needs a restart of the cluster, and "
                    + env.cluster().description() + " cannot be restarted by the library.");
        }
        SigningKeyRotation rotation = new SigningKeyRotation(env, options, probe, keepOldKey);
        rotation.run(shell);
        return rotation;
    }

    private void run(ClusterShell shell) {
        TokenIssuer issuer = new TokenIssuer(env::kubernetes, options.clock());
        before = issuer.issue(probe);
        String oldKid = before.keyId().orElseThrow(() -> new ChaosPreconditionException("Tokens of this cluster"
                + " carry no 'kid' header, so a new signing key could not be told from the old one."));
        stage(shell);
        // rotate-ca validates that the new key list still holds the key in use; without it only --force loads it.
        ClusterShell.Result loaded = keepOldKey
                ? shell.exec("k3s", "certificate", "rotate-ca", "--path=" + STAGING + "/server")
                : shell.exec("k3s", "certificate", "rotate-ca", "--path=" + STAGING + "/server", "--force");
        if (loaded.exitCode() != 0) {
            shell.exec("rm", "-rf", STAGING);
            throw new VaultTestException("'k3s certificate rotate-ca' refused the new signing key (exit "
                    + loaded.exitCode() + "): " + loaded.stderr().strip() + ". Nothing was changed.");
        }
        shell.exec("rm", "-rf", STAGING);
        markApplied(now());
        env.cluster().stop();
        env.cluster().start();
        after = issuer.issue(probe);
        if (after.keyId().map(oldKid::equals).orElse(true)) {
            throw notEffective("tokens signed with a new key (a kid other than " + oldKid + ")",
                    "kid " + after.keyId().orElse("none"),
                    "k3s did not pick up the staged key at restart; check the k3s log for rotate-ca errors.");
        }
        TokenReviewer reviewer = new TokenReviewer(env::kubernetes);
        verifyWithin("old token " + (keepOldKey ? "still accepted" : "rejected") + " and new token accepted by"
                        + " TokenReview (new kid " + after.keyId().orElseThrow() + ")", options.faultTimeout(),
                () -> List.of(reviewer.review(before), reviewer.review(after)),
                reviews -> reviews.get(0).authenticated() == keepOldKey && reviews.get(1).authenticated(),
                reviews -> "old token: " + reviews.get(0).detail() + "; new token: " + reviews.get(1).detail(),
                keepOldKey ? "The old key was not kept in service.key; tokens signed before the rotation died."
                        : "The API server still verifies tokens with the dropped key.");
    }

    /** Writes the new key (then the old one, unless dropped) into the staging directory inside the node. */
    private void stage(ClusterShell shell) {
        require(shell.exec("rm", "-rf", STAGING), "clear the staging directory");
        require(shell.exec("mkdir", "-p", STAGING + "/server/tls"), "create the staging directory");
        Path directory = null;
        try {
            directory = Files.createTempDirectory("vault-test-sa-key");
            Path keyFile = directory.resolve("service.key");
            OwnerOnlyFiles.createFile(keyFile);
            Files.writeString(keyFile, SigningKeys.newRsaPkcs1Pem(), StandardCharsets.US_ASCII);
            shell.copy(keyFile, STAGING + "/server/tls");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the new signing key to a temporary file", e);
        } finally {
            deleteQuietly(directory);
        }
        if (keepOldKey) {
            require(shell.exec("sh", "-c", "cat " + CURRENT_KEY + " >> " + STAGING + "/server/tls/service.key"),
                    "append the current key after the new one");
        }
    }

    private static void require(ClusterShell.Result result, String what) {
        if (result.exitCode() != 0) {
            throw new VaultTestException("Could not " + what + " in the cluster node (exit " + result.exitCode() + "): "
                    + result.stderr().strip());
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve("service.key"));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }

    /**
     * A token requested before the rotation (signed with the old key).
     *
     * @return the token
     */
    public ServiceAccountToken tokenBefore() {
        return before;
    }

    /**
     * A token requested after the rotation (signed with the new key).
     *
     * @return the token
     */
    public ServiceAccountToken tokenAfter() {
        return after;
    }

    /**
     * Whether the old key was kept (the documented procedure), so tokens signed before stay valid.
     *
     * @return {@code true} when kept
     */
    public boolean keptOldKey() {
        return keepOldKey;
    }

    /**
     * The {@code kid} of the old and the new key.
     *
     * @return the old and new key ids, in that order
     */
    public List<Optional<String>> keyIds() {
        return List.of(before.keyId(), after.keyId());
    }

    /**
     * Logs in with the token from before and the one from after, and checks each against what Kubernetes says.
     *
     * @param role a Vault role that binds the probe token's service account
     * @return the checks, labelled {@code token before} and {@code token after}
     */
    public LoginChecks checkLogins(String role) {
        LoginChecker checker = new LoginChecker(env);
        return new LoginChecks(role, List.of(checker.check("token before", before, "kubernetes", role, true),
                checker.check("token after", after, "kubernetes", role, true)));
    }
}
