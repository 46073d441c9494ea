package dev.vaulttest.chaos;

import com.sun.net.httpserver.HttpServer;
import dev.vaulttest.kms.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.testkit.FakeVaultCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A KMS emulator double: an HTTP endpoint on localhost that answers while reachable and refuses connections
 * while not, keys with states, and the fake Vault cluster told about outages.
 */
final class FakeKms implements KmsEmulator {

    private final FakeVaultCluster vault;
    private final boolean keyDisable;
    private final Map<String, String> aliases = new LinkedHashMap<>();
    final Map<String, String> states = new LinkedHashMap<>();
    private HttpServer server;
    private int port;
    private boolean reachable = true;
    boolean ignoreDisable;
    boolean ignoreUnreachable;
    /** Behaves like an emulator that runs outside the library: EXTERNAL, and its reachability is not ours. */
    boolean external;

    FakeKms(FakeVaultCluster vault, boolean keyDisable) {
        this.vault = vault;
        this.keyDisable = keyDisable;
        start(0);
    }

    /** A double whose outage does not reach the Vault double (for tests of the verification only). */
    FakeKms(boolean keyDisable) {
        this.vault = null;
        this.keyDisable = keyDisable;
        start(0);
    }

    private void start(int wantedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 10);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
            });
            server.start();
            port = server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public KmsProvider provider() {
        return external ? KmsProvider.EXTERNAL : KmsProvider.LOCALSTACK;
    }

    @Override
    public boolean supportsReachabilityControl() {
        return !external;
    }

    @Override
    public URI endpointForPods() {
        return URI.create("http://172.18.0.5:4566/");
    }

    @Override
    public URI endpointForHost() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public AwsCredentials credentials() {
        throw new UnsupportedOperationException("not needed by chaos");
    }

    @Override
    public synchronized String createKeyWithAlias(String alias) {
        return aliases.computeIfAbsent(alias, a -> {
            String id = "key-" + (aliases.size() + 1);
            states.put(id, "Enabled");
            return id;
        });
    }

    @Override
    public synchronized String keyState(String keyIdOrAlias) {
        String id = aliases.getOrDefault(keyIdOrAlias, keyIdOrAlias);
        return states.getOrDefault(id, "NotFound");
    }

    @Override
    public synchronized void makeUnreachable() {
        if (external) {
            throw new UnsupportedOperationException("an external emulator cannot be paused");
        }
        if (ignoreUnreachable) {
            reachable = false; // believes it paused, yet keeps answering
            return;
        }
        if (reachable) {
            server.stop(0);
            reachable = false;
            if (vault != null) {
                vault.setKmsReachable(false);
            }
        }
    }

    @Override
    public synchronized void makeReachable() {
        if (external) {
            throw new UnsupportedOperationException("an external emulator cannot be paused");
        }
        if (ignoreUnreachable) {
            reachable = true;
            return;
        }
        if (!reachable) {
            start(port);
            reachable = true;
            if (vault != null) {
                vault.setKmsReachable(true);
            }
        }
    }

    @Override
    public synchronized boolean isReachable() {
        return reachable;
    }

    @Override
    public boolean supportsKeyDisable() {
        return keyDisable;
    }

    @Override
    public synchronized void disableKey(String keyId) {
        if (!ignoreDisable) {
            states.put(keyId, "Disabled");
        }
    }

    @Override
    public synchronized void enableKey(String keyId) {
        states.put(keyId, "Enabled");
    }

    @Override
    public synchronized void close() {
        if (reachable) {
            server.stop(0);
        }
    }
}
