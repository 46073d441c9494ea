package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.junit5.fake.Journal;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class MetaAnnotationTest {

    @TempDir
    Path reports;

    @Test
    void aTeamAnnotationBringsEveryConcernAlong() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(TeamTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(Journal.events("open cluster")).containsExactly("open cluster k3s registry.example/k3s:v1.33.5-k3s1");
    }

    @Test
    void aTeamAnnotationOnASuperclassIsInherited() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(InheritingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void anAnnotationOnTheClassWinsOverTheSameAnnotationInsideTheTeamAnnotation() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(OverridingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aComposedDisruptiveAnnotationTriggersTheRecoveryCheck() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(ComposedDisruptiveTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(Journal.events("awaitReady")).hasSize(1);
    }

    @Fixture
    @OurProductionVault
    static class TeamTestCases {
        @Test
        void getsTheTeamsDeployment(VaultEnvironment vault, KmsEmulator kms) {
            assertThat(vault.spec().mode()).isEqualTo(DeploymentMode.FROM_VALUES);
            assertThat(vault.spec().replicas()).isEqualTo(5);
            assertThat(vault.spec().values().sets()).containsExactly("server.logLevel=debug");
            assertThat(vault.spec().values().layers()).hasSize(1);
            assertThat(vault.spec().seal()).isEqualTo(SealSpec.awsKms(KmsProvider.LOCAL_KMS));
            assertThat(vault.spec().tls()).isTrue();
            assertThat(((K3sClusterSpec) vault.spec().cluster()).image()).isEqualTo("registry.example/k3s:v1.33.5-k3s1");
            assertThat(kms.provider()).isEqualTo(KmsProvider.LOCAL_KMS);
        }
    }

    @OurProductionVault
    abstract static class TeamBase {
    }

    @Fixture
    static class InheritingTestCases extends TeamBase {
        @Test
        void getsTheTeamsDeployment(VaultEnvironment vault) {
            assertThat(vault.spec().replicas()).isEqualTo(5);
        }
    }

    @Fixture
    @OurProductionVault
    @VaultDeployment(replicas = 1)
    static class OverridingTestCases {
        @Test
        void getsOneNode(VaultEnvironment vault) {
            assertThat(vault.spec().replicas()).isEqualTo(1);
            assertThat(vault.spec().seal()).isEqualTo(SealSpec.awsKms(KmsProvider.LOCAL_KMS));
        }
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Test
    @Disruptive
    @interface ChaosTest {
    }

    @Fixture
    @VaultTest
    static class ComposedDisruptiveTestCases {
        @ChaosTest
        void breaksThings(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(FakeEnvironment.Health.SEALED);
        }
    }
}
