package dev.vaulttest.testkit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mounts, KV, audit devices, ACL policies, auth methods and Kubernetes auth of the fake. Runs under the
 * cluster lock, after {@link SysApi} checked that the node serves and the token is valid.
 */
final class LogicalApi {

    private static final long DEFAULT_TOKEN_TTL_SECONDS = 768L * 3600;
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd]?)");

    private final FakeVaultCluster cluster;
    private final RaftStorage storage;

    LogicalApi(FakeVaultCluster cluster, SysApi sys) {
        this.cluster = cluster;
        this.storage = cluster.storage;
    }

    Reply handle(FakeVaultNode node, Call call) {
        String path = call.path();
        if (path.equals("sys/mounts")) {
            return call.isRead() ? listMounts() : SysApi.unsupported(path);
        }
        if (path.startsWith("sys/mounts/")) {
            return mount(call, path.substring("sys/mounts/".length()));
        }
        if (path.equals("sys/audit")) {
            return call.isRead() ? listAudit() : SysApi.unsupported(path);
        }
        if (path.startsWith("sys/audit/")) {
            return audit(call, path.substring("sys/audit/".length()));
        }
        if (path.equals("sys/policy")) {
            return legacyPolicyList();
        }
        if (path.startsWith("sys/policy/")) {
            return policy(call, path.substring("sys/policy/".length()), true);
        }
        if (path.equals("sys/policies/acl")) {
            return "LIST".equals(call.method()) ? policyKeys() : SysApi.unsupported(path);
        }
        if (path.startsWith("sys/policies/acl/")) {
            return policy(call, path.substring("sys/policies/acl/".length()), false);
        }
        if (path.equals("sys/auth")) {
            return call.isRead() ? listAuth() : SysApi.unsupported(path);
        }
        if (path.startsWith("sys/auth/")) {
            return enableAuth(call, path.substring("sys/auth/".length()));
        }
        if (path.startsWith("auth/")) {
            return kubernetesAdmin(call);
        }
        return kv(call);
    }

    // ---- mounts and KV -------------------------------------------------------------------------------

    private Reply listMounts() {
        ObjectNode data = Reply.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> mount : storage.mounts().properties()) {
            ObjectNode entry = data.putObject(mount.getKey() + "/");
            entry.put("type", "kv");
            entry.put("description", "");
            entry.putObject("options").put("version", mount.getValue().path("version").asString("1"));
            entry.put("local", false);
            entry.put("seal_wrap", false);
        }
        data.putObject("sys/").put("type", "system").put("description", "system endpoints");
        return Reply.envelope(data, List.of(), "system");
    }

    private Reply mount(Call call, String mountPath) {
        if ("DELETE".equals(call.method())) {
            storage.mounts().remove(mountPath);
            return Reply.noContent();
        }
        if (!call.isWrite()) {
            return SysApi.unsupported(call.path());
        }
        String type = call.text("type");
        String version = call.body().path("options").path("version").asString("1");
        if (type.equals("kv-v2")) {
            type = "kv";
            version = "2";
        }
        if (!type.equals("kv")) {
            return Reply.error(400, "plugin not found in the catalog: " + type);
        }
        if (storage.mounts().has(mountPath) || mountPath.equals("sys") || mountPath.startsWith("auth")) {
            return Reply.error(400, "path is already in use at " + mountPath + "/");
        }
        storage.mounts().putObject(mountPath).put("type", "kv").put("version", version).putObject("data");
        return Reply.noContent();
    }

    private Reply kv(Call call) {
        String path = call.path();
        for (Map.Entry<String, JsonNode> mount : storage.mounts().properties()) {
            String prefix = mount.getKey() + "/";
            if (!path.startsWith(prefix)) {
                continue;
            }
            String rest = path.substring(prefix.length());
            ObjectNode secrets = (ObjectNode) mount.getValue().get("data");
            if (!"2".equals(mount.getValue().path("version").asString())) {
                return kvV1(call, secrets, rest);
            }
            if (rest.startsWith("data/")) {
                return kvData(call, secrets, rest.substring("data/".length()));
            }
            if (rest.startsWith("metadata")) {
                return kvMetadata(call, secrets, rest.equals("metadata") ? "" : rest.substring("metadata/".length()));
            }
            return Reply.noHandler(path);
        }
        return Reply.noHandler(path);
    }

    private Reply kvV1(Call call, ObjectNode secrets, String key) {
        if (call.isWrite()) {
            secrets.set(key, call.body().deepCopy());
            return Reply.noContent();
        }
        if ("DELETE".equals(call.method())) {
            secrets.remove(key);
            return Reply.noContent();
        }
        JsonNode value = secrets.get(key);
        return value == null ? Reply.error(404) : Reply.envelope(value.deepCopy(), List.of(), "kv");
    }

    private Reply kvData(Call call, ObjectNode secrets, String key) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        ObjectNode secret = (ObjectNode) secrets.get(key);
        if (call.isWrite()) {
            JsonNode data = call.body().path("data");
            if (!data.isObject()) {
                return Reply.error(400, "no data provided");
            }
            long current = secret == null ? 0 : secret.path("current_version").asLong(0);
            JsonNode cas = call.body().path("options").path("cas");
            if (cas.isNumber() && cas.asLong() != current) {
                return Reply.error(400, "check-and-set parameter did not match the current version");
            }
            if (secret == null) {
                secret = secrets.putObject(key);
                secret.put("created_time", now);
                secret.putObject("versions");
            }
            long version = current + 1;
            secret.put("current_version", version);
            secret.put("updated_time", now);
            ObjectNode stored = ((ObjectNode) secret.get("versions")).putObject(Long.toString(version));
            stored.set("data", data.deepCopy());
            stored.put("created_time", now);
            stored.put("deletion_time", "");
            stored.put("destroyed", false);
            return Reply.envelope(versionMetadata(stored, version), List.of(), "kv");
        }
        if ("DELETE".equals(call.method())) {
            if (secret != null) {
                ObjectNode stored = (ObjectNode) secret.path("versions").get(secret.path("current_version").asString());
                stored.put("deletion_time", now);
            }
            return Reply.noContent();
        }
        if (!call.isRead()) {
            return SysApi.unsupported(call.path());
        }
        if (secret == null) {
            return Reply.error(404);
        }
        String wanted = call.query().getOrDefault("version", secret.path("current_version").asString());
        if (wanted.equals("0")) {
            wanted = secret.path("current_version").asString();
        }
        JsonNode stored = secret.path("versions").path(wanted);
        if (stored.isMissingNode()) {
            return Reply.error(404);
        }
        ObjectNode data = Reply.JSON.createObjectNode();
        boolean gone = !stored.path("deletion_time").asString("").isEmpty() || stored.path("destroyed").asBoolean();
        if (gone) {
            data.putNull("data");
        } else {
            data.set("data", stored.path("data").deepCopy());
        }
        data.set("metadata", versionMetadata(stored, Long.parseLong(wanted)));
        Reply reply = Reply.envelope(data, List.of(), "kv");
        return gone ? Reply.json(404, reply.json()) : reply;
    }

    private static ObjectNode versionMetadata(JsonNode stored, long version) {
        ObjectNode metadata = Reply.JSON.createObjectNode();
        metadata.put("created_time", stored.path("created_time").asString());
        metadata.putNull("custom_metadata");
        metadata.put("deletion_time", stored.path("deletion_time").asString(""));
        metadata.put("destroyed", stored.path("destroyed").asBoolean(false));
        metadata.put("version", version);
        return metadata;
    }

    private Reply kvMetadata(Call call, ObjectNode secrets, String key) {
        if ("LIST".equals(call.method())) {
            String prefix = key.isEmpty() ? "" : key + "/";
            List<String> keys = new ArrayList<>();
            for (String name : secrets.propertyNames()) {
                if (name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    int slash = rest.indexOf('/');
                    String entry = slash < 0 ? rest : rest.substring(0, slash + 1);
                    if (!keys.contains(entry)) {
                        keys.add(entry);
                    }
                }
            }
            if (keys.isEmpty()) {
                return Reply.error(404);
            }
            ObjectNode data = Reply.JSON.createObjectNode();
            ArrayNode array = data.putArray("keys");
            keys.forEach(array::add);
            return Reply.envelope(data, List.of(), "kv");
        }
        JsonNode secret = secrets.get(key);
        if ("DELETE".equals(call.method())) {
            secrets.remove(key);
            return Reply.noContent();
        }
        if (secret == null) {
            return Reply.error(404);
        }
        ObjectNode data = Reply.JSON.createObjectNode();
        data.put("cas_required", false);
        data.put("created_time", secret.path("created_time").asString());
        data.put("current_version", secret.path("current_version").asLong());
        data.putNull("custom_metadata");
        data.put("delete_version_after", "0s");
        data.put("max_versions", 0);
        data.put("oldest_version", 0);
        data.put("updated_time", secret.path("updated_time").asString());
        ObjectNode versions = data.putObject("versions");
        for (Map.Entry<String, JsonNode> version : secret.path("versions").properties()) {
            ObjectNode entry = versions.putObject(version.getKey());
            entry.put("created_time", version.getValue().path("created_time").asString());
            entry.put("deletion_time", version.getValue().path("deletion_time").asString(""));
            entry.put("destroyed", version.getValue().path("destroyed").asBoolean(false));
        }
        return Reply.envelope(data, List.of(), "kv");
    }

    // ---- audit ---------------------------------------------------------------------------------------

    private Reply listAudit() {
        ObjectNode devices = Reply.JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> device : storage.audit().properties()) {
            devices.set(device.getKey() + "/", device.getValue().deepCopy());
        }
        ObjectNode body = devices.deepCopy();
        body.set("data", devices);
        return Reply.ok(body);
    }

    private Reply audit(Call call, String devicePath) {
        if ("DELETE".equals(call.method())) {
            storage.audit().remove(devicePath);
            return Reply.noContent();
        }
        if (!call.isWrite()) {
            return SysApi.unsupported(call.path());
        }
        String type = call.text("type");
        if (!List.of("file", "socket", "syslog").contains(type)) {
            return Reply.error(400, "unknown backend type: \"" + type + "\"");
        }
        if ("file".equals(type) && call.body().path("options").path("file_path").asString("").isEmpty()) {
            return Reply.error(400, "file_path is required");
        }
        if (storage.audit().has(devicePath)) {
            return Reply.error(400, "path already in use");
        }
        ObjectNode device = storage.audit().putObject(devicePath);
        device.put("type", type);
        device.put("description", call.text("description"));
        device.set("options", call.body().path("options").isObject() ? call.body().path("options").deepCopy()
                : Reply.JSON.createObjectNode());
        device.put("local", call.body().path("local").asBoolean(false));
        device.put("path", devicePath + "/");
        return Reply.noContent();
    }

    // ---- policies ------------------------------------------------------------------------------------

    private List<String> policyNames() {
        List<String> names = new ArrayList<>();
        names.add("default");
        for (String name : storage.policies().propertyNames()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        names.add("root");
        return names;
    }

    private Reply legacyPolicyList() {
        ObjectNode body = Reply.JSON.createObjectNode();
        ArrayNode policies = body.putArray("policies");
        policyNames().forEach(policies::add);
        ObjectNode data = body.putObject("data");
        ArrayNode keys = data.putArray("keys");
        ArrayNode dataPolicies = data.putArray("policies");
        policyNames().forEach(name -> {
            keys.add(name);
            dataPolicies.add(name);
        });
        return Reply.ok(body);
    }

    private Reply policyKeys() {
        ObjectNode data = Reply.JSON.createObjectNode();
        ArrayNode keys = data.putArray("keys");
        policyNames().forEach(keys::add);
        return Reply.envelope(data, List.of(), "system");
    }

    private Reply policy(Call call, String name, boolean legacy) {
        if (call.isWrite()) {
            String hcl = call.text("policy");
            if (hcl.isEmpty() && legacy) {
                hcl = call.text("rules");
            }
            if (hcl.isEmpty()) {
                return Reply.error(400, "'policy' parameter not supplied or empty");
            }
            if (name.equals("root")) {
                return Reply.error(400, "cannot update \"root\" policy");
            }
            storage.policies().put(name, hcl);
            return Reply.noContent();
        }
        if ("DELETE".equals(call.method())) {
            if (name.equals("root") || name.equals("default")) {
                return Reply.error(400, "cannot delete \"" + name + "\" policy");
            }
            storage.policies().remove(name);
            return Reply.noContent();
        }
        JsonNode hcl = storage.policies().get(name);
        if (hcl == null && !name.equals("default")) {
            return Reply.error(404);
        }
        String text = hcl == null ? "" : hcl.asString();
        if (legacy) {
            ObjectNode body = Reply.JSON.createObjectNode().put("name", name).put("rules", text);
            body.putObject("data").put("name", name).put("rules", text);
            return Reply.ok(body);
        }
        return Reply.envelope(Reply.JSON.createObjectNode().put("name", name).put("policy", text), List.of(), "system");
    }

    // ---- auth methods and Kubernetes auth ------------------------------------------------------------

    private Reply listAuth() {
        ObjectNode data = Reply.JSON.createObjectNode();
        data.putObject("token/").put("type", "token").put("description", "token based credentials");
        for (Map.Entry<String, JsonNode> mount : storage.auth().properties()) {
            data.putObject(mount.getKey() + "/").put("type", mount.getValue().path("type").asString())
                    .put("description", "");
        }
        return Reply.envelope(data, List.of(), "system");
    }

    private Reply enableAuth(Call call, String mountPath) {
        if ("DELETE".equals(call.method())) {
            storage.auth().remove(mountPath);
            return Reply.noContent();
        }
        if (!call.isWrite()) {
            return SysApi.unsupported(call.path());
        }
        String type = call.text("type");
        if (!type.equals("kubernetes")) {
            return Reply.error(400, "plugin not found in the catalog: " + type);
        }
        if (storage.auth().has(mountPath) || mountPath.equals("token")) {
            return Reply.error(400, "path is already in use at " + mountPath + "/");
        }
        ObjectNode mount = storage.auth().putObject(mountPath);
        mount.put("type", type);
        mount.putObject("roles");
        return Reply.noContent();
    }

    /** {@code auth/<mount>/config} and {@code auth/<mount>/role/<name>}. */
    private Reply kubernetesAdmin(Call call) {
        String rest = call.path().substring("auth/".length());
        for (Map.Entry<String, JsonNode> mount : storage.auth().properties()) {
            String prefix = mount.getKey() + "/";
            if (!rest.startsWith(prefix)) {
                continue;
            }
            ObjectNode backend = (ObjectNode) mount.getValue();
            String sub = rest.substring(prefix.length());
            if (sub.equals("config")) {
                return kubernetesConfig(call, backend);
            }
            if (sub.equals("role") && "LIST".equals(call.method())) {
                ObjectNode data = Reply.JSON.createObjectNode();
                ArrayNode keys = data.putArray("keys");
                backend.path("roles").propertyNames().forEach(keys::add);
                return keys.isEmpty() ? Reply.error(404) : Reply.envelope(data, List.of(), "kubernetes");
            }
            if (sub.startsWith("role/")) {
                return kubernetesRole(call, backend, sub.substring("role/".length()));
            }
        }
        return Reply.noHandler(call.path());
    }

    private Reply kubernetesConfig(Call call, ObjectNode backend) {
        if (call.isWrite()) {
            String host = call.text("kubernetes_host");
            if (host.isEmpty()) {
                return Reply.error(400, "no host provided");
            }
            ObjectNode config = backend.putObject("config");
            config.put("kubernetes_host", host);
            config.put("kubernetes_ca_cert", call.text("kubernetes_ca_cert"));
            config.put("token_reviewer_jwt", call.text("token_reviewer_jwt"));
            config.set("pem_keys", call.body().path("pem_keys").isArray() ? call.body().path("pem_keys").deepCopy()
                    : Reply.JSON.createArrayNode());
            config.put("issuer", call.text("issuer"));
            config.put("disable_iss_validation", call.body().path("disable_iss_validation").asBoolean(true));
            config.put("disable_local_ca_jwt", call.body().path("disable_local_ca_jwt").asBoolean(false));
            config.put("use_annotations_as_alias_metadata",
                    call.body().path("use_annotations_as_alias_metadata").asBoolean(false));
            return Reply.noContent();
        }
        if (!call.isRead()) {
            return SysApi.unsupported(call.path());
        }
        JsonNode config = backend.get("config");
        if (config == null) {
            return Reply.error(404);
        }
        ObjectNode data = (ObjectNode) config.deepCopy();
        boolean reviewerSet = !data.path("token_reviewer_jwt").asString("").isEmpty();
        data.remove("token_reviewer_jwt");
        data.put("token_reviewer_jwt_set", reviewerSet);
        return Reply.envelope(data, List.of(), "kubernetes");
    }

    private Reply kubernetesRole(Call call, ObjectNode backend, String name) {
        ObjectNode roles = (ObjectNode) backend.get("roles");
        if ("DELETE".equals(call.method())) {
            roles.remove(name);
            return Reply.noContent();
        }
        if (call.isRead()) {
            JsonNode role = roles.get(name);
            return role == null ? Reply.error(404) : Reply.envelope(role.deepCopy(), List.of(), "kubernetes");
        }
        if (!call.isWrite()) {
            return SysApi.unsupported(call.path());
        }
        List<String> names = list(call.body().path("bound_service_account_names"));
        List<String> namespaces = list(call.body().path("bound_service_account_namespaces"));
        String selector = call.text("bound_service_account_namespace_selector");
        if (names.isEmpty()) {
            return Reply.error(400, "\"bound_service_account_names\" can not be empty");
        }
        if (namespaces.isEmpty() && selector.isEmpty()) {
            return Reply.error(400, "\"bound_service_account_namespaces\" can not be empty");
        }
        List<String> policies = list(call.body().has("token_policies") ? call.body().path("token_policies")
                : call.body().path("policies"));
        long ttl;
        try {
            ttl = seconds(call.body().has("token_ttl") ? call.body().path("token_ttl") : call.body().path("ttl"));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, "error parsing token_ttl: " + e.getMessage());
        }
        ObjectNode role = roles.putObject(name);
        role.set("bound_service_account_names", array(names));
        role.set("bound_service_account_namespaces", array(namespaces));
        role.put("bound_service_account_namespace_selector", selector);
        role.put("audience", call.text("audience"));
        role.put("alias_name_source", call.text("alias_name_source").isEmpty() ? "serviceaccount_uid"
                : call.text("alias_name_source"));
        role.set("token_policies", array(policies));
        role.set("policies", array(policies));
        role.put("token_ttl", ttl);
        role.put("ttl", ttl);
        role.put("token_max_ttl", 0);
        role.put("max_ttl", 0);
        role.put("token_type", "default");
        if (call.text("audience").isEmpty()) {
            return Reply.envelope(Reply.JSON.nullNode(), List.of("Role " + name + " does not have an audience"
                    + " configured. While audiences are not required, consider specifying one if your use case would"
                    + " benefit from additional JWT claim verification."), "kubernetes");
        }
        return Reply.noContent();
    }

    /** The plugin's login, in its order: inputs, role, config, claims, name, namespace, TokenReview. */
    Reply login(Call call) {
        String rest = call.path().substring("auth/".length());
        String mountPath = rest.substring(0, rest.length() - "/login".length());
        JsonNode backend = storage.auth().get(mountPath);
        if (backend == null || !call.isWrite()) {
            return Reply.noHandler(call.path());
        }
        String roleName = call.text("role");
        if (roleName.isEmpty()) {
            return Reply.error(400, "missing role");
        }
        String jwt = call.text("jwt");
        if (jwt.isEmpty()) {
            return Reply.error(400, "missing jwt");
        }
        JsonNode role = backend.path("roles").get(roleName);
        if (role == null) {
            return Reply.error(400, "invalid role name \"" + roleName + "\"");
        }
        JsonNode config = backend.get("config");
        if (config == null) {
            return Reply.error(500, "could not load backend configuration");
        }
        FakeKubernetes kubernetes = cluster.kubernetesModel();
        // Without pem_keys the plugin parses the JWT without checking its signature; anything that does not
        // parse (not three base64url parts, a header that is not JSON with an RS/ES/PS algorithm, claims that are
        // not a JSON object) fails "verifying token signature", which the plugin turns into permission denied.
        Optional<JsonNode> parsed = FakeKubernetes.claims(jwt);
        if (parsed.isEmpty()) {
            return Reply.permissionDenied();
        }
        JsonNode claims = parsed.get();
        JsonNode k8s = claims.path("kubernetes.io");
        String namespace = k8s.path("namespace").asString(claims.path("kubernetes.io/serviceaccount/namespace")
                .asString(""));
        String name = k8s.path("serviceaccount").path("name").asString(
                claims.path("kubernetes.io/serviceaccount/service-account.name").asString(""));
        // The issuer is checked only when one is configured (and validation is not disabled).
        String issuer = config.path("issuer").asString("");
        if (!config.path("disable_iss_validation").asBoolean(true) && !issuer.isEmpty()
                && !issuer.equals(claims.path("iss").asString(""))) {
            return Reply.error(403, "invalid issuer (iss) claim");
        }
        String audience = role.path("audience").asString("");
        if (!audience.isEmpty() && !list(claims.path("aud")).contains(audience)) {
            return Reply.error(403, "invalid audience (aud) claim: audience claim does not match any expected"
                    + " audience");
        }
        Optional<String> timing = FakeKubernetes.timeClaimsProblem(claims, Instant.now());
        if (timing.isPresent()) {
            return Reply.error(403, timing.get());
        }
        List<String> names = list(role.path("bound_service_account_names"));
        if (!(names.size() == 1 && names.get(0).equals("*")) && !globMatch(names, name)) {
            return Reply.error(403, "service account name not authorized");
        }
        List<String> namespaces = list(role.path("bound_service_account_namespaces"));
        boolean namespaceAllowed = !namespaces.isEmpty()
                && (namespaces.get(0).equals("*") || globMatch(namespaces, namespace));
        if (!namespaceAllowed) {
            return Reply.error(403, "namespace not authorized");
        }
        Optional<FakeKubernetes.Identity> reviewed = kubernetes.review(jwt);
        if (reviewed.isEmpty() || !reviewed.get().name().equals(name) || !reviewed.get().namespace().equals(namespace)) {
            return Reply.permissionDenied();
        }
        return loginSuccess(roleName, role, reviewed.get());
    }

    private Reply loginSuccess(String roleName, JsonNode role, FakeKubernetes.Identity identity) {
        String token = storage.newToken();
        List<String> tokenPolicies = list(role.path("token_policies"));
        List<String> policies = new ArrayList<>();
        policies.add("default");
        tokenPolicies.stream().filter(policy -> !policies.contains(policy)).forEach(policies::add);
        long ttl = role.path("token_ttl").asLong(0);
        ObjectNode tokenInfo = Reply.JSON.createObjectNode();
        tokenInfo.set("policies", array(policies));
        storage.tokens.put(token, tokenInfo);
        ObjectNode body = Reply.JSON.createObjectNode();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.putNull("data");
        body.putNull("wrap_info");
        body.putNull("warnings");
        ObjectNode auth = body.putObject("auth");
        auth.put("client_token", token);
        auth.put("accessor", UUID.randomUUID().toString().replace("-", "").substring(0, 24));
        auth.set("policies", array(policies));
        auth.set("token_policies", array(policies));
        ObjectNode metadata = auth.putObject("metadata");
        metadata.put("role", roleName);
        metadata.put("service_account_name", identity.name());
        metadata.put("service_account_namespace", identity.namespace());
        metadata.put("service_account_secret_name", "");
        metadata.put("service_account_uid", identity.uid());
        auth.put("lease_duration", ttl > 0 ? ttl : DEFAULT_TOKEN_TTL_SECONDS);
        auth.put("renewable", true);
        auth.put("entity_id", UUID.randomUUID().toString());
        auth.put("token_type", "service");
        auth.put("orphan", true);
        auth.putNull("mfa_requirement");
        auth.put("num_uses", 0);
        body.put("mount_type", "");
        return Reply.ok(body);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** A list field sent as a JSON array or as a comma-separated string. */
    static List<String> list(JsonNode value) {
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(element -> result.add(element.asString()));
        } else if (value.isString()) {
            for (String part : value.stringValue().split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = Reply.JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static long seconds(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asLong();
        }
        var matcher = DURATION.matcher(value.asString().trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("time: invalid duration \"" + value.asString() + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            case "d" -> amount * 86400;
            default -> amount;
        };
    }

    /** Vault's {@code StrListContainsGlob}: {@code *} matches any run of characters. */
    private static boolean globMatch(List<String> patterns, String value) {
        return patterns.stream().anyMatch(pattern -> Pattern.matches(globRegex(pattern), value));
    }

    private static String globRegex(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString();
    }
}
