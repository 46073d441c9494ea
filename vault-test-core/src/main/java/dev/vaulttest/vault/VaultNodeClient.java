package dev.vaulttest.vault;

import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.vault.HealthStatus.HealthState;
import io.github.jopenlibs.vault.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Operations on one Vault node over its HTTP API, answering with immutable records.
 *
 * <p>Create one per node with {@link #create(VaultEndpoint)}; {@link #withToken(Sensitive)} returns a client
 * for the same node that sends a token (needed for everything except status, health, init, unseal and raft
 * join). Clients are immutable and thread-safe.
 *
 * <p>Every failure is a {@link VaultApiException} naming the node, the operation, the HTTP status and
 * Vault's error strings; secrets never appear in it or in the log. Two answers are results rather than
 * failures: every documented {@code sys/health} status code ({@link #health()}), and a refused login
 * ({@link LoginResult.Denied}).
 *
 * <p>Every operation is plain HTTP from this client, so each failure carries the status and body Vault really
 * sent: vault-java-driver 6.2.0 does not cover most of them, hides fields, and puts the body of a 5xx answer
 * only into its exception's message text. {@link #driverClient()} hands out a driver client for anything else.
 */
public final class VaultNodeClient {

    private static final Logger LOG = LoggerFactory.getLogger(VaultNodeClient.class);
    private static final String DEFAULT_KUBERNETES_MOUNT = "kubernetes";
    private static final Duration BACKGROUND_UNSEAL_POLL = Duration.ofMillis(100);

    private final NodeHttp http;
    private final DriverBridge driver;

    private VaultNodeClient(NodeHttp http) {
        this.http = http;
        this.driver = new DriverBridge(http);
    }

    /**
     * A client without a token for one node.
     *
     * @param endpoint where the node answers
     * @return the client
     */
    public static VaultNodeClient create(VaultEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new VaultNodeClient(new NodeHttp(endpoint, NodeHttp.newClient(endpoint), JsonMapper.builder().build(),
                Optional.empty()));
    }

    /**
     * A client for the same node (sharing its connections) that sends a token.
     *
     * @param token the root token from {@link #init(InitRequest)}, or any token with the needed policies
     * @return the new client
     */
    public VaultNodeClient withToken(Sensitive token) {
        Objects.requireNonNull(token, "token");
        return new VaultNodeClient(new NodeHttp(http.endpoint(), http.client(), http.json(), Optional.of(token)));
    }

    /**
     * The node this client talks to.
     *
     * @return the endpoint
     */
    public VaultEndpoint endpoint() {
        return http.endpoint();
    }

    /**
     * Whether this client sends a token.
     *
     * @return {@code true} after {@link #withToken(Sensitive)}
     */
    public boolean hasToken() {
        return http.token().isPresent();
    }

    // ---- status -------------------------------------------------------------------------------------------

    /**
     * Reads the seal status. Unauthenticated; answers on uninitialised and sealed nodes too.
     *
     * @return the seal status
     */
    public SealStatus sealStatus() {
        return http.call(VaultOperation.SEAL_STATUS).send().expectOk().parse(ResponseParser::sealStatus);
    }

    /**
     * Reads the health status with Vault's default status codes. Every documented code (200, 429, 472, 473,
     * 474, 501, 503, 530) is a result, not an error.
     *
     * @return the health status
     * @throws VaultApiException if the node cannot be reached or answers an undocumented status (for example 500)
     */
    public HealthStatus health() {
        NodeHttp.Answer answer = http.call(VaultOperation.HEALTH).send();
        HealthState state = HealthState.fromStatusCode(answer.status()).orElseThrow(() -> answer.failure(
                "one of the documented health codes 200, 429, 472, 473, 474, 501, 503, 530"));
        return answer.parse(body -> ResponseParser.health(answer.status(), state, body));
    }

    /**
     * Reads whether the node is initialised ({@code GET /v1/sys/init}).
     *
     * @return {@code true} if initialised
     */
    public boolean isInitialized() {
        return http.call(VaultOperation.INIT_STATUS).send().expectOk()
                .parse(body -> ResponseParser.bool(body, "initialized"));
    }

    /**
     * Reads who the active node is ({@code GET /v1/sys/leader}).
     *
     * @return the leader status
     */
    public LeaderStatus leader() {
        return http.call(VaultOperation.LEADER).send().expectOk().parse(ResponseParser::leader);
    }

    /**
     * Reads the Raft membership. Needs a token; a standby forwards the request to the active node.
     *
     * @return the configuration
     */
    public RaftConfiguration raftConfiguration() {
        return http.call(VaultOperation.RAFT_CONFIGURATION).send().expectOk().parse(ResponseParser::raftConfiguration);
    }

    /**
     * Reads Raft autopilot's state. Needs a token.
     *
     * @return the state, or empty when the node answers 404 (no autopilot, as Vault's Go client treats it)
     */
    public Optional<AutopilotState> autopilotState() {
        NodeHttp.Answer answer = http.call(VaultOperation.AUTOPILOT_STATE).send();
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(answer.expectOk().parse(ResponseParser::autopilotState));
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    /**
     * Initialises a new cluster on this node. Send it to one node only; the others join.
     *
     * <p>Sends only the fields Vault accepts for the request's key kind. After Shamir init the node is
     * sealed; after auto-unseal init it is already unsealed.
     *
     * @param request shares and threshold, Shamir or recovery
     * @return the keys and root token
     */
    public InitResult init(InitRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = http.object();
        if (request.kind() == InitRequest.KeyKind.UNSEAL_KEYS) {
            body.put("secret_shares", request.shares()).put("secret_threshold", request.threshold());
        } else {
            body.put("recovery_shares", request.shares()).put("recovery_threshold", request.threshold());
        }
        InitResult result = http.call(VaultOperation.INIT).send(body).expect("200 with the new keys", 200)
                .parse(ResponseParser::initResult);
        LOG.debug("Initialised node {}: {} {} key share(s), threshold {}", nodeName(),
                request.kind() == InitRequest.KeyKind.UNSEAL_KEYS ? result.keys().size() : result.recoveryKeys().size(),
                request.kind() == InitRequest.KeyKind.UNSEAL_KEYS ? "unseal" : "recovery", request.threshold());
        return result;
    }

    /**
     * Submits unseal key shares one at a time until the node is unsealed.
     *
     * <p>A node that has just joined a raft cluster under Shamir answers the share that completes the threshold
     * with {@code sealed: true} and progress 0: the keys were accepted, they answered the leader's join challenge,
     * and the node unseals in the background once it has replicated the leader's keyring (Vault's
     * {@code unsealWithRaft}). This method then polls the seal status until the node reports unsealed, for at
     * most the {@link VaultOperation#UNSEAL} timeout of the endpoint's {@link VaultTimeouts}.
     *
     * @param keys unseal key shares (hex or base64); under auto-unseal after a manual seal, recovery key shares
     * @return the seal status once unsealed
     * @throws VaultApiException if a key is rejected, if fewer shares than the threshold were accepted, or if a
     *         raft joiner that took every share is still sealed after the timeout
     */
    public SealStatus unseal(Collection<Sensitive> keys) {
        return unseal(keys, status -> { });
    }

    /**
     * Submits unseal key shares one at a time until the node is unsealed, reporting progress; waits for a raft
     * joiner to finish unsealing in the background as {@link #unseal(Collection)} describes.
     *
     * @param keys unseal key shares (hex or base64)
     * @param progress called with Vault's answer to each accepted share
     * @return the seal status once unsealed
     * @throws VaultApiException if a key is rejected, if fewer shares than the threshold were accepted, or if a
     *         raft joiner that took every share is still sealed after the timeout
     */
    public SealStatus unseal(Collection<Sensitive> keys, Consumer<SealStatus> progress) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(progress, "progress");
        SealStatus status = sealStatus();
        if (!status.sealed()) {
            LOG.debug("Node {} is already unsealed", nodeName());
            return status;
        }
        NodeHttp.Call call = http.call(VaultOperation.UNSEAL).carrying(keys);
        int submitted = 0;
        for (Sensitive key : keys) {
            status = call.send(http.object().put("key", key.reveal()))
                    .expect("200 with the seal status (key share " + (submitted + 1) + " of " + keys.size() + ")", 200)
                    .parse(ResponseParser::sealStatus);
            submitted++;
            progress.accept(status);
            if (!status.sealed()) {
                LOG.debug("Node {} unsealed after {} key share(s)", nodeName(), submitted);
                return status;
            }
            if (status.progress() == 0) {
                return awaitBackgroundUnseal(submitted);
            }
            LOG.debug("Node {} unseal progress {}/{}", nodeName(), status.progress(), status.threshold());
        }
        throw new VaultApiException(nodeName(), VaultOperation.UNSEAL, 200, List.of(), "Node '" + nodeName()
                + "' is still sealed after all " + submitted + " key share(s): progress " + status.progress() + " of"
                + " threshold " + status.threshold() + ". Pass at least " + status.threshold() + " distinct shares"
                + " from this cluster's init (a joined node needs the leader's keys).", null);
    }

    /**
     * Waits for a raft joiner whose last share was accepted (progress back to 0, still sealed) to unseal itself.
     */
    private SealStatus awaitBackgroundUnseal(int submitted) {
        Duration timeout = http.endpoint().timeouts().readTimeout(VaultOperation.UNSEAL);
        LOG.debug("Node {} took {} key share(s) and finishes its raft join in the background", nodeName(), submitted);
        try {
            SealStatus status = Wait.until("node " + nodeName() + " to unseal after joining raft", timeout,
                    BACKGROUND_UNSEAL_POLL, this::sealStatus, SealStatus::isUnsealed,
                    s -> "sealed=" + s.sealed() + ", progress " + s.progress() + "/" + s.threshold());
            LOG.debug("Node {} unsealed after {} key share(s) and its raft join", nodeName(), submitted);
            return status;
        } catch (WaitTimeoutException e) {
            throw new VaultApiException(nodeName(), VaultOperation.UNSEAL, 200, List.of(), "Node '" + nodeName()
                    + "' accepted all " + submitted + " key share(s) (progress back to 0) but is still sealed after "
                    + timeout.toSeconds() + " s. A node that joined a raft cluster unseals once it has replicated"
                    + " the leader's data: check that it reaches the leader's cluster address (port 8201) and that"
                    + " the keys are the leader's. " + e.getMessage(), e);
        }
    }

    /**
     * Discards the progress of an unseal attempt ({@code reset: true}).
     *
     * @return the seal status after the reset
     */
    public SealStatus resetUnseal() {
        return http.call(VaultOperation.UNSEAL).send(http.object().put("reset", true)).expectOk()
                .parse(ResponseParser::sealStatus);
    }

    /**
     * Seals the node. Needs a root (or sudo) token; Vault refuses on a standby.
     */
    public void seal() {
        http.call(VaultOperation.SEAL).send().expectNoContent();
        LOG.debug("Sealed node {}", nodeName());
    }

    /**
     * Asks the active node to step down so another voter takes over. Needs a root (or sudo) token; a standby
     * forwards it. Vault's upgrade guide advises against step-down during upgrades.
     */
    public void stepDown() {
        http.call(VaultOperation.STEP_DOWN).send().expectNoContent();
        LOG.debug("Node {} asked the active node to step down", nodeName());
    }

    /**
     * Joins this (new, uninitialised) node to an existing Raft cluster. Under Shamir, unseal it afterwards
     * with the leader's keys; under auto-unseal it unseals itself.
     *
     * @param request the leader's API address, its CA and the retry flag
     * @return whether Vault reported {@code joined: true}
     */
    public boolean raftJoin(RaftJoinRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = http.object().put("leader_api_addr", request.leaderApiAddr()).put("retry", request.retry());
        request.leaderCaCertPem().ifPresent(pem -> body.put("leader_ca_cert", pem));
        boolean joined = http.call(VaultOperation.RAFT_JOIN).send(body).expectOk()
                .parse(json -> ResponseParser.bool(json, "joined"));
        LOG.debug("Node {} raft join to {}: joined={}", nodeName(), request.leaderApiAddr(), joined);
        return joined;
    }

    /**
     * Removes a member from the Raft cluster. Needs a token. A removed node must have its data wiped before it
     * can join again.
     *
     * @param nodeId the Raft node id to remove
     */
    public void removePeer(String nodeId) {
        Objects.requireNonNull(nodeId, "nodeId");
        http.call(VaultOperation.RAFT_REMOVE_PEER).send(http.object().put("server_id", nodeId)).expectNoContent();
        LOG.debug("Removed raft peer {} via node {}", nodeId, nodeName());
    }

    // ---- snapshots ----------------------------------------------------------------------------------------

    /**
     * Saves a Raft snapshot to a file, streaming it (it is binary), then checks it is complete: a gzip tar
     * archive with a non-empty {@code SHA256SUMS.sealed}, as Vault's Go client checks. The file is written
     * only when the snapshot is complete. Needs a token; prefer the active node.
     *
     * @param target the file to write; replaced if it exists
     * @return the snapshot's size in bytes
     */
    public long saveSnapshot(Path target) {
        Objects.requireNonNull(target, "target");
        NodeHttp.Call call = http.call(VaultOperation.SNAPSHOT_SAVE);
        Path absolute = target.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            HttpResponse<InputStream> response = call.exchange(HttpRequest.BodyPublishers.noBody(), null,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    throw new NodeHttp.Answer(call, response.statusCode(), text).failure("200 with the snapshot bytes");
                }
                Files.copy(body, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            List<SnapshotArchive.Entry> entries = readArchive(temporary);
            if (!SnapshotArchive.isComplete(entries)) {
                throw new VaultApiException(nodeName(), VaultOperation.SNAPSHOT_SAVE, 200, List.of(), "Node '"
                        + nodeName() + "' sent an incomplete snapshot: no non-empty " + SnapshotArchive.SEALED_SUMS
                        + " entry among " + entries.stream().map(SnapshotArchive.Entry::name).toList()
                        + ". Retry against the active node.", null);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(absolute);
            LOG.debug("Saved raft snapshot of node {} to {} ({} bytes)", nodeName(), absolute, size);
            return size;
        } catch (IOException e) {
            throw call.unreachable(e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Restores a Raft snapshot taken from this same cluster. Vault checks the archive while the request waits
     * (a snapshot of another cluster is a 400: use {@link #restoreSnapshotForced(Path)} for those; bytes that are
     * not a snapshot are a 500), answers 204 and then applies the snapshot in the background. This method returns
     * on the 204, before the data has reverted: callers must wait for the data they expect (for example poll
     * {@link #getSecret} until it shows the snapshot's value). The cluster stays unsealed.
     *
     * @param snapshot the snapshot file
     */
    public void restoreSnapshot(Path snapshot) {
        restore(snapshot, "snapshot");
    }

    /**
     * Restores a Raft snapshot from another cluster, skipping Vault's keyring check. Vault answers 204 at once
     * and applies the snapshot in the background; this method returns on the 204. Once applied, a Shamir cluster
     * is sealed and must be unsealed with the source cluster's keys (auto-unseal: the same KMS key), so callers
     * must wait for the seal (poll {@link #sealStatus()}) before unsealing, and then for the data they expect.
     *
     * @param snapshot the snapshot file
     */
    public void restoreSnapshotForced(Path snapshot) {
        restore(snapshot, "snapshot-force");
    }

    /** Sends a snapshot file to {@code sys/storage/raft/snapshot} or {@code .../snapshot-force}. */
    private void restore(Path snapshot, String endpoint) {
        Objects.requireNonNull(snapshot, "snapshot");
        NodeHttp.Call call = http.call(VaultOperation.SNAPSHOT_RESTORE, endpoint);
        if (!Files.isRegularFile(snapshot)) {
            throw new VaultApiException(nodeName(), call.operation(), VaultApiException.NO_HTTP_STATUS, List.of(),
                    "Snapshot file " + snapshot.toAbsolutePath() + " does not exist or is not a file; save one with"
                            + " saveSnapshot(path) first.", null);
        }
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(snapshot);
        } catch (IOException e) {
            throw call.unreachable(e);
        }
        call.send(body, "application/octet-stream").expectNoContent();
        LOG.debug("Restored raft snapshot {} on node {} via {}", snapshot.getFileName(), nodeName(), call.path());
    }

    // ---- setup for tests ----------------------------------------------------------------------------------

    /**
     * Enables a KV version 2 secrets engine ({@code {"type":"kv","options":{"version":"2"}}}).
     *
     * @param mountPath the mount path, for example {@code secret}
     */
    public void enableKvV2(String mountPath) {
        String mount = trimSlashes(mountPath);
        ObjectNode body = http.object().put("type", "kv");
        body.putObject("options").put("version", "2");
        http.call(VaultOperation.ENABLE_SECRETS_ENGINE, mount).send(body).expectNoContent();
        LOG.debug("Enabled kv-v2 at {}/ on node {}", mount, nodeName());
    }

    /**
     * Writes a new version of a KV v2 secret: sends {@code {"data": ...}} to {@code <mount>/data/<secret>}, so a
     * mount of several segments (such as {@code team/kv}) works too.
     *
     * @param mountPath the KV v2 mount, for example {@code secret}
     * @param secretPath the secret's path inside the mount
     * @param data the fields to write
     * @return the version Vault created
     */
    public long putSecret(String mountPath, String secretPath, Map<String, String> data) {
        Objects.requireNonNull(data, "data");
        ObjectNode body = http.object();
        data.forEach(body.putObject("data")::put);
        NodeHttp.Answer answer = http.call(VaultOperation.KV_PUT, trimSlashes(mountPath), trimSlashes(secretPath))
                .send(body).expect("200 with the new version", 200, 204);
        long version = answer.status() == 204 ? 0
                : answer.parse(json -> ResponseParser.longValue(json.path("data"), "version"));
        LOG.debug("Wrote {} field(s) to {} on node {} (version {})", data.size(), answer.call().path(), nodeName(),
                version);
        return version;
    }

    /**
     * Reads the current version of a KV v2 secret from {@code <mount>/data/<secret>}.
     *
     * @param mountPath the KV v2 mount
     * @param secretPath the secret's path inside the mount
     * @return the secret, or empty when Vault answers 404 (never written, or deleted)
     */
    public Optional<KvSecret> getSecret(String mountPath, String secretPath) {
        String mount = trimSlashes(mountPath);
        String path = trimSlashes(secretPath);
        NodeHttp.Answer answer = http.call(VaultOperation.KV_GET, mount, path).send();
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(answer.expect("200 with the secret, or 404", 200)
                .parse(body -> ResponseParser.kvSecret(mount, path, body)));
    }

    /**
     * Enables a file audit device. Needs a root (or sudo) token.
     *
     * @param devicePath the audit device's path, for example {@code file}
     * @param filePath the log file inside the Vault container, or {@code stdout}
     */
    public void enableFileAudit(String devicePath, String filePath) {
        Objects.requireNonNull(filePath, "filePath");
        ObjectNode body = http.object().put("type", "file");
        body.putObject("options").put("file_path", filePath);
        http.call(VaultOperation.ENABLE_AUDIT, trimSlashes(devicePath)).send(body).expectNoContent();
        LOG.debug("Enabled file audit device {} -> {} on node {}", devicePath, filePath, nodeName());
    }

    /**
     * Writes an ACL policy.
     *
     * @param name the policy name
     * @param hcl the policy in HCL
     */
    public void writePolicy(String name, String hcl) {
        Objects.requireNonNull(hcl, "hcl");
        http.call(VaultOperation.WRITE_POLICY, trimSlashes(name)).send(http.object().put("policy", hcl))
                .expectNoContent();
        LOG.debug("Wrote policy {} on node {}", name, nodeName());
    }

    /**
     * Enables an auth method.
     *
     * @param mountPath where to mount it, for example {@code kubernetes}
     * @param type the auth method type, for example {@code kubernetes}
     */
    public void enableAuth(String mountPath, String type) {
        Objects.requireNonNull(type, "type");
        http.call(VaultOperation.ENABLE_AUTH, trimSlashes(mountPath)).send(http.object().put("type", type))
                .expectNoContent();
        LOG.debug("Enabled auth method {} at {}/ on node {}", type, mountPath, nodeName());
    }

    /**
     * Enables the Kubernetes auth method.
     *
     * @param mountPath where to mount it, usually {@code kubernetes}
     */
    public void enableKubernetesAuth(String mountPath) {
        enableAuth(mountPath, "kubernetes");
    }

    /**
     * Writes the configuration of a Kubernetes auth mount. Only the fields set in the config are sent.
     *
     * @param mountPath the auth mount, usually {@code kubernetes}
     * @param config API server, CA, reviewer JWT and issuer options
     */
    public void configureKubernetesAuth(String mountPath, KubernetesAuthConfig config) {
        Objects.requireNonNull(config, "config");
        ObjectNode body = http.object().put("kubernetes_host", config.kubernetesHost());
        config.kubernetesCaCertPem().ifPresent(pem -> body.put("kubernetes_ca_cert", pem));
        config.tokenReviewerJwt().ifPresent(jwt -> body.put("token_reviewer_jwt", jwt.reveal()));
        config.issuer().ifPresent(issuer -> body.put("issuer", issuer));
        config.disableIssValidation().ifPresent(value -> body.put("disable_iss_validation", value));
        config.disableLocalCaJwt().ifPresent(value -> body.put("disable_local_ca_jwt", value));
        if (!config.pemKeys().isEmpty()) {
            ArrayNode keys = body.putArray("pem_keys");
            config.pemKeys().forEach(keys::add);
        }
        http.call(VaultOperation.CONFIGURE_KUBERNETES_AUTH, trimSlashes(mountPath))
                .carrying(config.tokenReviewerJwt().map(List::of).orElse(List.of())).send(body).expectNoContent();
        LOG.debug("Configured Kubernetes auth at {}/ on node {}: {}", mountPath, nodeName(), config);
    }

    /**
     * Writes a Kubernetes auth role.
     *
     * @param mountPath the auth mount, usually {@code kubernetes}
     * @param role the role
     * @return Vault's warnings, for example that the role has no audience; empty when none
     */
    public List<String> writeKubernetesRole(String mountPath, KubernetesRole role) {
        Objects.requireNonNull(role, "role");
        ObjectNode body = http.object();
        role.boundServiceAccountNames().forEach(body.putArray("bound_service_account_names")::add);
        role.boundServiceAccountNamespaces().forEach(body.putArray("bound_service_account_namespaces")::add);
        role.policies().forEach(body.putArray("token_policies")::add);
        role.ttl().ifPresent(ttl -> body.put("token_ttl", ttl.toSeconds()));
        role.audience().ifPresent(audience -> body.put("audience", audience));
        NodeHttp.Answer answer = http.call(VaultOperation.WRITE_KUBERNETES_ROLE, trimSlashes(mountPath), role.name())
                .send(body).expectNoContent();
        List<String> warnings = answer.status() == 200 ? answer.parse(ResponseParser::warnings) : List.of();
        LOG.debug("Wrote Kubernetes role {} at {}/ on node {}{}", role.name(), mountPath, nodeName(),
                warnings.isEmpty() ? "" : " with warnings " + warnings);
        return warnings;
    }

    /**
     * Logs in with a service account JWT at the {@code kubernetes} mount.
     *
     * @param role the role name
     * @param jwt the service account token
     * @return the token, or Vault's refusal
     */
    public LoginResult loginKubernetes(String role, Sensitive jwt) {
        return loginKubernetes(DEFAULT_KUBERNETES_MOUNT, role, jwt);
    }

    /**
     * Logs in with a service account JWT. Refusals (400, 401, 403, and 500 from the auth method such as
     * {@code could not load backend configuration}) are returned as {@link LoginResult.Denied}; unreachable
     * or sealed nodes throw. The read timeout is {@link VaultTimeouts#kubernetesLogin()}: Vault may take about
     * 30 s to refuse when it cannot reach the Kubernetes API.
     *
     * @param mountPath the auth mount
     * @param role the role name
     * @param jwt the service account token
     * @return the token, or Vault's refusal
     */
    public LoginResult loginKubernetes(String mountPath, String role, Sensitive jwt) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(jwt, "jwt");
        ObjectNode body = http.object().put("role", role).put("jwt", jwt.reveal());
        NodeHttp.Answer answer = http.call(VaultOperation.KUBERNETES_LOGIN, trimSlashes(mountPath))
                .carrying(List.of(jwt)).send(body);
        if (answer.status() == 200) {
            LoginResult.Success success = answer.parse(ResponseParser::loginSuccess);
            LOG.debug("Kubernetes login as role {} on node {} succeeded: policies {}", role, nodeName(),
                    success.policies());
            return success;
        }
        List<String> errors = answer.errors();
        boolean refusal = answer.status() == 400 || answer.status() == 401 || answer.status() == 403
                || (answer.status() == 500 && errors.stream().noneMatch(e -> e.contains("local node not active")));
        if (!refusal) {
            throw answer.failure("200 with a token, or a refusal");
        }
        LOG.debug("Kubernetes login as role {} on node {} denied: HTTP {} {}", role, nodeName(), answer.status(), errors);
        return new LoginResult.Denied(answer.status(), errors);
    }

    // ---- the Java driver ----------------------------------------------------------------------------------

    /**
     * A vault-java-driver client for this node and token, for anything this class does not cover.
     *
     * <p>It uses engine version 1 for every path, so {@code logical()} does not rewrite {@code sys/...} or
     * {@code auth/...} paths to {@code .../data/...}. For KV v2 secrets use {@link #driverClient(int)} with
     * {@code 2}. Mind its other quirks: {@code logical()} returns 4xx answers instead of throwing (check
     * {@code getRestResponse().getStatus()}), lists in write maps are sent as their {@code toString()} (pass
     * comma-separated strings), and {@code debug().health()} throws on Vault 1.19+'s 474 and 530 (use
     * {@link #health()}). It shares this client's connections, TLS trust and timeouts, and ignores
     * {@code VAULT_*} environment variables.
     *
     * @return the driver client
     */
    public Vault driverClient() {
        return driver.client(1, VaultOperation.KV_GET);
    }

    /**
     * A vault-java-driver client whose {@code logical()} assumes the given KV engine version for every path.
     *
     * @param kvEngineVersion 1, or 2 to have the driver insert {@code data/} after the first path segment
     *                        and wrap written maps in {@code {"data": ...}}
     * @return the driver client
     */
    public Vault driverClient(int kvEngineVersion) {
        if (kvEngineVersion != 1 && kvEngineVersion != 2) {
            throw new IllegalArgumentException("kvEngineVersion must be 1 or 2, got " + kvEngineVersion);
        }
        return driver.client(kvEngineVersion, VaultOperation.KV_GET);
    }

    /** Node name and URI; never the token. */
    @Override
    public String toString() {
        return "VaultNodeClient[" + nodeName() + " " + http.endpoint().baseUri() + (hasToken() ? " token=" + Redactor.REDACTED : "")
                + "]";
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private String nodeName() {
        return http.endpoint().nodeName();
    }

    private List<SnapshotArchive.Entry> readArchive(Path file) {
        try {
            return SnapshotArchive.entries(file);
        } catch (IOException e) {
            throw new VaultApiException(nodeName(), VaultOperation.SNAPSHOT_SAVE, 200, List.of(), "Node '" + nodeName()
                    + "' sent a snapshot that is not a complete gzip-compressed tar archive (" + e.getMessage() + ")."
                    + " Retry against the active node; check that nothing between the JVM and Vault cut the"
                    + " download.", e);
        }
    }

    private static String trimSlashes(String path) {
        Objects.requireNonNull(path, "path");
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A Vault path must not be empty, got '" + path + "'");
        }
        return trimmed;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete temporary snapshot file {}: {}", file, e.getMessage());
            }
        }
    }

    /**
     * How to initialise a new cluster with {@code PUT /v1/sys/init}.
     *
     * <p>Vault accepts only the fields of its seal kind: Shamir takes {@code secret_shares} and
     * {@code secret_threshold}; an auto-unseal seal such as {@code awskms} takes {@code recovery_shares} and
     * {@code recovery_threshold} and answers 400 if the Shamir fields are present. This request sends exactly
     * the two fields of its {@link #kind()}.
     *
     * @param kind which pair of fields to send
     * @param shares how many key shares to create
     * @param threshold how many shares are needed to unseal (or to authorise recovery operations)
     */
    public record InitRequest(KeyKind kind, int shares, int threshold) {

        /** Which kind of keys init creates. */
        public enum KeyKind {
            /** Shamir unseal key shares ({@code secret_shares}, {@code secret_threshold}). */
            UNSEAL_KEYS,
            /** Recovery key shares of an auto-unseal seal ({@code recovery_shares}, {@code recovery_threshold}). */
            RECOVERY_KEYS
        }
        /**
         * Creates the record, validating and copying its components.
         *
         * @param kind which pair of fields to send
         * @param shares how many key shares to create
         * @param threshold how many shares are needed to unseal (or to authorise recovery operations)
         */
        public InitRequest {
            Objects.requireNonNull(kind, "kind");
            if (shares < 1) {
                throw new IllegalArgumentException("shares must be at least 1, got " + shares);
            }
            if (threshold < 1 || threshold > shares) {
                throw new IllegalArgumentException("threshold must be between 1 and shares (" + shares + "), got "
                        + threshold);
            }
        }

        /**
         * Init for a Shamir seal.
         *
         * @param shares unseal key shares to create
         * @param threshold shares needed to unseal
         * @return the request
         */
        public static InitRequest shamir(int shares, int threshold) {
            return new InitRequest(KeyKind.UNSEAL_KEYS, shares, threshold);
        }

        /**
         * Init for an auto-unseal seal (for example {@code awskms}); the node unseals itself during init.
         *
         * @param recoveryShares recovery key shares to create
         * @param recoveryThreshold recovery shares needed for recovery operations
         * @return the request
         */
        public static InitRequest autoUnseal(int recoveryShares, int recoveryThreshold) {
            return new InitRequest(KeyKind.RECOVERY_KEYS, recoveryShares, recoveryThreshold);
        }

        /**
         * Init that fits the seal a node reports: recovery keys when its seal status says
         * {@code recovery_seal: true}, Shamir unseal keys otherwise.
         *
         * @param status the uninitialised node's seal status
         * @param shares key shares to create
         * @param threshold shares needed
         * @return the request
         */
        public static InitRequest matching(SealStatus status, int shares, int threshold) {
            return status.recoverySeal() ? autoUnseal(shares, threshold) : shamir(shares, threshold);
        }
    }

    /**
     * What {@code PUT /v1/sys/init} returned: the keys and the initial root token.
     *
     * <p>Every secret is a {@link Sensitive}; {@link #toString()} shows only how many keys there are.
     * Under auto-unseal {@link #keys()} is empty and {@link #recoveryKeys()} is filled.
     *
     * @param keys Shamir unseal key shares, hex encoded
     * @param keysBase64 the same shares, base64 encoded
     * @param recoveryKeys recovery key shares (auto-unseal), hex encoded
     * @param recoveryKeysBase64 the same recovery shares, base64 encoded
     * @param rootToken the initial root token
     */
    public record InitResult(
            List<Sensitive> keys,
            List<Sensitive> keysBase64,
            List<Sensitive> recoveryKeys,
            List<Sensitive> recoveryKeysBase64,
            Sensitive rootToken) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param keys Shamir unseal key shares, hex encoded
         * @param keysBase64 the same shares, base64 encoded
         * @param recoveryKeys recovery key shares (auto-unseal), hex encoded
         * @param recoveryKeysBase64 the same recovery shares, base64 encoded
         * @param rootToken the initial root token
         */
        public InitResult {
            keys = List.copyOf(keys);
            keysBase64 = List.copyOf(keysBase64);
            recoveryKeys = List.copyOf(recoveryKeys);
            recoveryKeysBase64 = List.copyOf(recoveryKeysBase64);
            Objects.requireNonNull(rootToken, "rootToken");
        }

        /**
         * Whether init happened under an auto-unseal seal (recovery keys, no unseal keys).
         *
         * @return {@code true} when only recovery keys were returned
         */
        public boolean isAutoUnseal() {
            return keys.isEmpty() && !recoveryKeys.isEmpty();
        }

        /** Key counts only; never the keys or the root token. */
        @Override
        public String toString() {
            return "InitResult[keys=" + keys.size() + ", recoveryKeys=" + recoveryKeys.size()
                    + ", rootToken=" + Redactor.REDACTED + "]";
        }
    }

    /**
     * How a new node joins an existing Raft cluster with {@code POST /v1/sys/storage/raft/join}.
     *
     * <p>Send it to the joining node, never to a member. Under Shamir the joiner must afterwards be unsealed
     * with the leader's unseal keys; under auto-unseal it unseals itself.
     *
     * @param leaderApiAddr the leader's API address as the joining node can reach it, for example
     *                      {@code https://vault-0.vault-internal:8200}
     * @param leaderCaCertPem the PEM CA certificate of the leader's listener, if it uses TLS
     * @param retry whether the node keeps retrying the join in the background
     */
    public record RaftJoinRequest(String leaderApiAddr, Optional<String> leaderCaCertPem, boolean retry) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param leaderApiAddr the leader's API address as the joining node can reach it, for example
         *        {@code https://vault-0.vault-internal:8200}
         * @param leaderCaCertPem the PEM CA certificate of the leader's listener, if it uses TLS
         * @param retry whether the node keeps retrying the join in the background
         */
        public RaftJoinRequest {
            Objects.requireNonNull(leaderApiAddr, "leaderApiAddr");
            Objects.requireNonNull(leaderCaCertPem, "leaderCaCertPem");
            if (leaderApiAddr.isBlank()) {
                throw new IllegalArgumentException("leaderApiAddr must not be blank: give the leader's API address");
            }
        }

        /**
         * A plain join without TLS material and without retry.
         *
         * @param leaderApiAddr the leader's API address
         * @return the request
         */
        public static RaftJoinRequest to(String leaderApiAddr) {
            return new RaftJoinRequest(leaderApiAddr, Optional.empty(), false);
        }

        /**
         * Returns a copy that trusts the leader's CA certificate.
         *
         * @param pem the PEM certificate
         * @return the copy
         */
        public RaftJoinRequest withLeaderCaCert(String pem) {
            return new RaftJoinRequest(leaderApiAddr, Optional.of(pem), retry);
        }

        /**
         * Returns a copy that sets the retry flag.
         *
         * @param retryJoin whether to retry in the background
         * @return the copy
         */
        public RaftJoinRequest withRetry(boolean retryJoin) {
            return new RaftJoinRequest(leaderApiAddr, leaderCaCertPem, retryJoin);
        }

        /** Address and flags; the CA certificate only as set/unset. */
        @Override
        public String toString() {
            return "RaftJoinRequest[" + leaderApiAddr + (leaderCaCertPem.isPresent() ? " caCert=set" : "")
                    + " retry=" + retry + "]";
        }
    }

    /**
     * What a node answered on {@code GET /v1/sys/leader}.
     *
     * @param haEnabled whether the storage supports high availability (true with Raft)
     * @param isSelf whether the asked node is the active node
     * @param activeTime when the active node became active; absent when Vault reports the zero time
     * @param leaderAddress the active node's {@code api_addr}; with the Helm chart it contains the pod IP and
     *                      changes when the pod restarts; empty when no leader is known
     * @param leaderClusterAddress the active node's cluster address ({@code https://host:8201})
     * @param performanceStandby whether the asked node is a performance standby (Enterprise)
     * @param performanceStandbyLastRemoteWal last remote WAL index seen by a performance standby
     * @param raftCommittedIndex Raft committed index, when Vault reports it (the active node)
     * @param raftAppliedIndex Raft applied index, when Vault reports it
     */
    public record LeaderStatus(
            boolean haEnabled,
            boolean isSelf,
            Optional<Instant> activeTime,
            String leaderAddress,
            String leaderClusterAddress,
            boolean performanceStandby,
            long performanceStandbyLastRemoteWal,
            OptionalLong raftCommittedIndex,
            OptionalLong raftAppliedIndex) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param haEnabled whether the storage supports high availability (true with Raft)
         * @param isSelf whether the asked node is the active node
         * @param activeTime when the active node became active; absent when Vault reports the zero time
         * @param leaderAddress the active node's {@code api_addr}; with the Helm chart it contains the pod IP and
         *        changes when the pod restarts; empty when no leader is known
         * @param leaderClusterAddress the active node's cluster address ({@code https://host:8201})
         * @param performanceStandby whether the asked node is a performance standby (Enterprise)
         * @param performanceStandbyLastRemoteWal last remote WAL index seen by a performance standby
         * @param raftCommittedIndex Raft committed index, when Vault reports it (the active node)
         * @param raftAppliedIndex Raft applied index, when Vault reports it
         */
        public LeaderStatus {
            Objects.requireNonNull(activeTime, "activeTime");
            Objects.requireNonNull(leaderAddress, "leaderAddress");
            Objects.requireNonNull(leaderClusterAddress, "leaderClusterAddress");
            Objects.requireNonNull(raftCommittedIndex, "raftCommittedIndex");
            Objects.requireNonNull(raftAppliedIndex, "raftAppliedIndex");
        }

        /**
         * Whether the node knows an active node.
         *
         * @return {@code true} when a leader address is reported
         */
        public boolean hasLeader() {
            return !leaderAddress.isEmpty();
        }
    }
}
