package dev.vaulttest.junit5;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.kms.KmsProvider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a platform team would write once: its own deployment, as one annotation. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VaultTest
@K3sCluster(image = "registry.example/k3s:v1.33.5-k3s1")
@VaultDeployment(values = "classpath:values/production.yaml", set = "server.logLevel=debug",
        mode = DeploymentMode.FROM_VALUES, replicas = 5)
@AutoUnseal(kms = KmsProvider.LOCAL_KMS)
@VaultTls
@interface OurProductionVault {
}
