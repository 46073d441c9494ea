package dev.vaulttest.base;

/**
 * A Vault server configuration (HCL or JSON) could not be parsed.
 *
 * <p>The message names where the configuration came from (for example the ConfigMap and key the chart
 * rendered) and the parse error with its line, so the values entry that produced it can be fixed.
 */
public class InvalidVaultConfigException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** Where the configuration came from. */
    private final String source;

    /**
     * Creates the exception.
     *
     * @param source where the configuration came from, for example {@code ConfigMap/vault-config key extraconfig-from-values.hcl}
     * @param problem what is wrong with it, with a line number when known
     * @param cause the parser's exception, or {@code null}
     */
    public InvalidVaultConfigException(String source, String problem, Throwable cause) {
        super("The Vault configuration in " + source + " is not valid HCL or JSON: " + problem
                + ". Fix the configuration string in the values (server.standalone.config, server.ha.config"
                + " or server.ha.raft.config) so that Vault can parse it.", cause);
        this.source = source;
    }

    /**
     * Where the configuration came from.
     *
     * @return a description such as {@code ConfigMap/vault-config key extraconfig-from-values.hcl}
     */
    public String source() {
        return source;
    }
}
