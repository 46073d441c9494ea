package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.chaos.LoginChecks.LoginCheck;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A service account deleted and created again under the same name: it gets a new UID, and every token issued
 * before is rejected by Kubernetes from then on (tokens carry the account's UID). When it is the account Vault's
 * own pods run as, Vault's token reviewer JWT dies with it and every Kubernetes login fails with
 * {@code 403 permission denied} until the Vault pods restart. Cannot be healed (the old UID is gone for good).
 */
public final class ServiceAccountRecreation extends AbstractDisruption {

    private final String namespace;
    private final String name;
    private final List<ServiceAccountToken> issuedBefore;
    private String oldUid;
    private String newUid;
    private boolean usedByVault;

    private ServiceAccountRecreation(VaultEnvironment env, ChaosOptions options, String namespace, String name,
            List<ServiceAccountToken> issuedBefore) {
        super(env, options, "recreate-sa", "serviceaccount/" + namespace + "/" + name);
        this.namespace = namespace;
        this.name = name;
        this.issuedBefore = List.copyOf(issuedBefore);
    }

    static ServiceAccountRecreation apply(VaultEnvironment env, ChaosOptions options, String namespace, String name,
            List<ServiceAccountToken> issuedBefore) {
        for (ServiceAccountToken token : issuedBefore) {
            if (!token.spec().namespace().equals(namespace) || !token.spec().serviceAccount().equals(name)) {
                throw new IllegalArgumentException("Token " + token + " is not a token of " + namespace + "/" + name);
            }
        }
        ServiceAccountRecreation recreation = new ServiceAccountRecreation(env, options, namespace, name, issuedBefore);
        recreation.run();
        return recreation;
    }

    private void run() {
        ServiceAccount original = get().orElseThrow(() -> new ChaosPreconditionException("Service account "
                + namespace + "/" + name + " does not exist, so it cannot be recreated."));
        oldUid = original.getMetadata().getUid();
        usedByVault = namespace.equals(env.namespace()) && vaultAccount().map(name::equals).orElse(false);
        markApplied(now());
        env.kubernetes().serviceAccounts().inNamespace(namespace).withName(name).delete();
        try {
            Wait.until("service account " + namespace + "/" + name + " (UID " + oldUid + ") deleted",
                    options.faultTimeout(), options.pollInterval(), this::get,
                    sa -> sa.map(s -> !oldUid.equals(s.getMetadata().getUid())).orElse(true),
                    sa -> sa.map(s -> "still there, UID " + s.getMetadata().getUid()).orElse("gone"));
        } catch (WaitTimeoutException e) {
            throw notEffective("service account " + name + " deleted", e.lastObserved(),
                    "A finalizer may hold the service account.");
        }
        if (get().isEmpty()) {
            env.kubernetes().serviceAccounts().inNamespace(namespace).resource(ServiceAccounts.copy(original, name))
                    .create();
        }
        ServiceAccount recreated = verifyWithin("service account " + name + " present with a new UID (old "
                        + oldUid + ")", options.faultTimeout(), this::get,
                sa -> sa.map(s -> !oldUid.equals(s.getMetadata().getUid())).orElse(false),
                sa -> sa.map(s -> "UID " + s.getMetadata().getUid()).orElse("no service account"),
                "The service account was not created again.").orElseThrow();
        newUid = recreated.getMetadata().getUid();
        if (!issuedBefore.isEmpty()) {
            TokenReviewer reviewer = new TokenReviewer(env::kubernetes);
            verifyWithin("every token issued before rejected by TokenReview", options.faultTimeout(),
                    () -> issuedBefore.stream().map(reviewer::review).toList(),
                    reviews -> reviews.stream().noneMatch(TokenReviewer.Review::authenticated),
                    reviews -> reviews.stream().map(TokenReviewer.Review::detail).collect(Collectors.joining("; ")),
                    "Kubernetes still accepts tokens of the deleted account; are these legacy Secret tokens?");
        }
    }

    private Optional<ServiceAccount> get() {
        return Optional.ofNullable(env.kubernetes().serviceAccounts().inNamespace(namespace).withName(name).get());
    }

    private Optional<String> vaultAccount() {
        try {
            return Optional.ofNullable(new ReleaseObjects(env).statefulSet().getSpec().getTemplate().getSpec()
                    .getServiceAccountName());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The UID before.
     *
     * @return the old UID
     */
    public String oldUid() {
        return oldUid;
    }

    /**
     * The UID after.
     *
     * @return the new UID
     */
    public String newUid() {
        return newUid;
    }

    /**
     * Whether Vault's own pods run as this service account (then Vault's reviewer token died with it).
     *
     * @return {@code true} when the Vault StatefulSet uses this account
     */
    public boolean usedByVault() {
        return usedByVault;
    }

    /**
     * Logs in with each token (for example one issued before and one issued after) and checks each against what
     * Kubernetes says about it.
     *
     * @param role a Vault role that binds the service account
     * @param tokens the tokens, labelled {@code token 1}, {@code token 2}, ... in order
     * @return the checks
     */
    public LoginChecks checkLogins(String role, ServiceAccountToken... tokens) {
        LoginChecker checker = new LoginChecker(env);
        List<LoginCheck> checks = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            checks.add(checker.check("token " + (i + 1), tokens[i], "kubernetes", role, true));
        }
        return new LoginChecks(role, checks);
    }
}
