package dev.vaulttest.junit5.fake;

import dev.vaulttest.kms.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsProvider;
import java.net.URI;

/** A KMS emulator that runs nothing. */
final class FakeKms implements KmsEmulator {

    private final KmsProvider provider;

    FakeKms(KmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public KmsProvider provider() {
        return provider;
    }

    @Override
    public URI endpointForPods() {
        return URI.create("http://10.0.0.1:4566");
    }

    @Override
    public URI endpointForHost() {
        return URI.create("http://127.0.0.1:4566");
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public AwsCredentials credentials() {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public String createKeyWithAlias(String alias) {
        return "key-" + alias;
    }

    @Override
    public String keyState(String keyIdOrAlias) {
        return "Enabled";
    }

    @Override
    public void makeUnreachable() {
    }

    @Override
    public void makeReachable() {
    }

    @Override
    public boolean isReachable() {
        return true;
    }

    @Override
    public boolean supportsKeyDisable() {
        return false;
    }

    @Override
    public void disableKey(String keyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void enableKey(String keyId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
