package dev.vaulttest.base;

/**
 * Every pinned default of the library in one place: container images and the official chart version.
 *
 * <p>Each value can be overridden per environment through its spec (and, in the JUnit layer, through
 * {@code vaulttest.*} configuration parameters). Defaults are pinned to exact versions so that a run
 * today and a run next month test the same thing.
 */
public final class Versions {

    /** The official HashiCorp Helm repository that hosts the {@code vault} chart. */
    public static final String CHART_REPOSITORY = "https://helm.releases.hashicorp.com";

    /** The name of the official chart in {@link #CHART_REPOSITORY}. */
    public static final String CHART_NAME = "vault";

    /** The official chart version installed by default (vault-helm 0.34.1, Vault 2.0.4). */
    public static final String CHART_VERSION = "0.34.1";

    /** The Vault server image the pinned chart uses by default. */
    public static final String VAULT_IMAGE = "hashicorp/vault:2.0.4";

    /** The k3s image, a Kubernetes version inside the chart's tested range. */
    public static final String K3S_IMAGE = "rancher/k3s:v1.33.5-k3s1";

    /** LocalStack, pinned to a tag that starts without an auth token; see {@code KmsStarter.withImage}. */
    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4.0";

    /** local-kms, a token-free AWS KMS emulator; see {@code KmsStarter.withImage}. */
    public static final String LOCAL_KMS_IMAGE = "nsmithuk/local-kms:3.12.0";

    /**
     * The image of the canary pods that check whether NetworkPolicies are enforced: curl on Alpine, so a
     * connection attempt has unambiguous exit codes. Replaced through {@code ChaosOptions.canaryImage}.
     */
    public static final String CANARY_IMAGE = "curlimages/curl:8.11.1";

    private Versions() {
    }
}
