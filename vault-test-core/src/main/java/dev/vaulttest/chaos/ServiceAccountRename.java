package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chaos.LoginChecks.LoginCheck;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service account a workload uses renamed, as a refactoring would: a copy under the new name, every
 * Deployment, StatefulSet and DaemonSet of the namespace whose pods used the old name switched to the new one,
 * and the old account deleted. A Vault role that still names the old account then refuses logins with
 * {@code 403 service account name not authorized}, although Kubernetes accepts the new tokens. Closing restores
 * the old account (with a new UID) and the workloads, and deletes the new account. The account the Vault pods
 * themselves run as is refused, with the reason: renaming it breaks Vault's own TokenReview until its pods
 * restart, which closing cannot undo.
 */
public final class ServiceAccountRename extends AbstractDisruption {

    private final String namespace;
    private final String from;
    private final String to;
    private ServiceAccount original;
    private final List<Workload> workloads = new ArrayList<>();

    private ServiceAccountRename(VaultEnvironment env, ChaosOptions options, String namespace, String from, String to) {
        super(env, options, "rename-sa", "serviceaccount/" + namespace + "/" + from + " -> " + to);
        this.namespace = namespace;
        this.from = from;
        this.to = to;
    }

    static ServiceAccountRename apply(VaultEnvironment env, ChaosOptions options, String namespace, String from,
            String to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("Renaming service account " + from + " to itself changes nothing");
        }
        ServiceAccountRename rename = new ServiceAccountRename(env, options, namespace, from, to);
        rename.run();
        return rename;
    }

    /**
     * Vault's own account cannot be renamed and renamed back the way an application's can: its running pods keep
     * tokens bound to the deleted account's UID, so Vault's own TokenReview calls fail and every login gets
     * {@code 403 permission denied}; the chart's auth-delegator binding still names the old account; and
     * recreating the old name does not help until the Vault pods restart. Refused rather than left half-healed.
     */
    private void refuseVaultsOwnAccount() {
        if (!namespace.equals(env.namespace())) {
            return;
        }
        StatefulSet vault = new ReleaseObjects(env).statefulSet();
        String account = vault.getSpec().getTemplate().getSpec().getServiceAccountName();
        String vaultAccount = account == null || account.isBlank() ? "default" : account;
        if (vaultAccount.equals(from)) {
            throw new ChaosPreconditionException("Service account " + namespace + "/" + from + " is the one the Vault"
                    + " pods of " + env.releaseName() + " run as. Renaming it breaks Vault itself, not only logins:"
                    + " the running pods keep tokens bound to the deleted account, so Vault's TokenReview calls fail"
                    + " and every login gets 403 permission denied; the chart's auth-delegator binding still names"
                    + " the old account; and restoring the name does not heal Vault until its pods restart. Rename an"
                    + " application's service account instead, or test Vault's own account with"
                    + " serviceAccounts().recreate(...) followed by a restart of the Vault pods.");
        }
    }

    private void run() {
        refuseVaultsOwnAccount();
        original = get(from).orElseThrow(() -> new ChaosPreconditionException("Service account " + namespace + "/"
                + from + " does not exist, so it cannot be renamed."));
        if (get(to).isPresent()) {
            throw new ChaosPreconditionException("Service account " + namespace + "/" + to + " already exists; pick"
                    + " a new name for the rename.");
        }
        client().serviceAccounts().inNamespace(namespace).resource(ServiceAccounts.copy(original, to)).create();
        workloads.addAll(Workload.using(client(), namespace, from));
        markApplied(now());
        for (Workload workload : workloads) {
            workload.switchTo(client(), to);
        }
        client().serviceAccounts().inNamespace(namespace).withName(from).delete();
        verifyWithin("service account " + from + " gone, " + to + " present, workloads " + names() + " on " + to,
                options.faultTimeout(), () -> new State(get(from).isPresent(), get(to).isPresent(),
                        workloads.stream().filter(w -> !to.equals(w.accountNow(client()))).map(Workload::id).toList()),
                state -> !state.oldPresent() && state.newPresent() && state.notSwitched().isEmpty(), State::describe,
                "The API server did not take the changes; check admission webhooks on service accounts.");
    }

    @Override
    Optional<Instant> heal() {
        List<String> failures = new ArrayList<>();
        if (get(from).isEmpty()) {
            client().serviceAccounts().inNamespace(namespace).resource(ServiceAccounts.copy(original, from)).create();
        }
        for (Workload workload : workloads) {
            try {
                workload.switchTo(client(), from);
            } catch (RuntimeException e) {
                failures.add(workload.id() + ": " + e.getMessage());
            }
        }
        client().serviceAccounts().inNamespace(namespace).withName(to).delete();
        if (!failures.isEmpty()) {
            throw new VaultTestException("Restored service account " + from + " but could not switch back "
                    + failures);
        }
        return Optional.of(now());
    }

    private KubernetesClient client() {
        return env.kubernetes();
    }

    private Optional<ServiceAccount> get(String name) {
        return Optional.ofNullable(client().serviceAccounts().inNamespace(namespace).withName(name).get());
    }

    private List<String> names() {
        return workloads.stream().map(Workload::id).toList();
    }

    /**
     * The old name (the one the Vault role still names).
     *
     * @return the old name
     */
    public String oldName() {
        return from;
    }

    /**
     * The new name.
     *
     * @return the new name
     */
    public String newName() {
        return to;
    }

    /**
     * The workloads that were switched to the new name, as {@code kind/name}.
     *
     * @return the workloads
     */
    public List<String> switchedWorkloads() {
        return names();
    }

    /**
     * Requests a token for the renamed account, as its workloads now get.
     *
     * @param audiences the audiences (the Vault role's {@code audience}, if it has one); none for the API
     *     server's defaults
     * @return the token
     */
    public ServiceAccountToken issueToken(String... audiences) {
        return new TokenIssuer(env::kubernetes, options.clock())
                .issue(TokenSpec.forAccount(namespace, to).withAudiences(audiences));
    }

    /**
     * Logs in with tokens and checks each against what Kubernetes says, assuming the role binds the old name
     * only: a valid token of the new name must be refused by the role.
     *
     * @param role the Vault role that names the old service account
     * @param tokens the tokens, labelled {@code token 1}, {@code token 2}, ... in order
     * @return the checks
     */
    public LoginChecks checkLogins(String role, ServiceAccountToken... tokens) {
        LoginChecker checker = new LoginChecker(env);
        List<LoginCheck> checks = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            boolean bound = tokens[i].spec().serviceAccount().equals(from);
            checks.add(checker.check("token " + (i + 1), tokens[i], "kubernetes", role, bound));
        }
        return new LoginChecks(role, checks);
    }

    private record State(boolean oldPresent, boolean newPresent, List<String> notSwitched) {
        String describe() {
            return "old account " + (oldPresent ? "present" : "gone") + ", new account "
                    + (newPresent ? "present" : "missing") + (notSwitched.isEmpty() ? ""
                    : ", not switched: " + notSwitched);
        }
    }

    /** A workload whose pod template names a service account. */
    private record Workload(String kind, String namespace, String name) {

        static List<Workload> using(KubernetesClient client, String namespace, String account) {
            List<Workload> found = new ArrayList<>();
            client.apps().deployments().inNamespace(namespace).list().getItems().stream()
                    .filter(d -> uses(d.getSpec().getTemplate().getSpec(), account))
                    .forEach(d -> found.add(new Workload("deployment", namespace, d.getMetadata().getName())));
            client.apps().statefulSets().inNamespace(namespace).list().getItems().stream()
                    .filter(s -> uses(s.getSpec().getTemplate().getSpec(), account))
                    .forEach(s -> found.add(new Workload("statefulset", namespace, s.getMetadata().getName())));
            client.apps().daemonSets().inNamespace(namespace).list().getItems().stream()
                    .filter(d -> uses(d.getSpec().getTemplate().getSpec(), account))
                    .forEach(d -> found.add(new Workload("daemonset", namespace, d.getMetadata().getName())));
            return found;
        }

        private static boolean uses(PodSpec spec, String account) {
            return spec != null && (account.equals(spec.getServiceAccountName())
                    || spec.getServiceAccountName() == null && account.equals(spec.getServiceAccount()));
        }

        private static void point(PodSpec spec, String account) {
            spec.setServiceAccountName(account);
            spec.setServiceAccount(null);
        }

        String id() {
            return kind + "/" + name;
        }

        void switchTo(KubernetesClient client, String account) {
            switch (kind) {
                case "deployment" -> client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
                    point(d.getSpec().getTemplate().getSpec(), account);
                    return d;
                });
                case "statefulset" -> client.apps().statefulSets().inNamespace(namespace).withName(name).edit(s -> {
                    point(s.getSpec().getTemplate().getSpec(), account);
                    return s;
                });
                default -> client.apps().daemonSets().inNamespace(namespace).withName(name).edit(d -> {
                    point(d.getSpec().getTemplate().getSpec(), account);
                    return d;
                });
            }
        }

        String accountNow(KubernetesClient client) {
            PodSpec spec = switch (kind) {
                case "deployment" -> Optional.ofNullable(client.apps().deployments().inNamespace(namespace)
                        .withName(name).get()).map(d -> d.getSpec().getTemplate().getSpec()).orElse(null);
                case "statefulset" -> Optional.ofNullable(client.apps().statefulSets().inNamespace(namespace)
                        .withName(name).get()).map(d -> d.getSpec().getTemplate().getSpec()).orElse(null);
                default -> Optional.ofNullable(client.apps().daemonSets().inNamespace(namespace)
                        .withName(name).get()).map(d -> d.getSpec().getTemplate().getSpec()).orElse(null);
            };
            return spec == null ? null : spec.getServiceAccountName();
        }
    }
}
