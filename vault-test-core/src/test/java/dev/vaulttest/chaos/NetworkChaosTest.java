package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chaos.PodDeletion.DeletedPod;
import dev.vaulttest.timing.RecoveryMeasurement;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class NetworkChaosTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    private List<NetworkPolicy> policies() {
        return client.network().v1().networkPolicies().inNamespace(world.namespace()).list().getItems();
    }

    private List<String> canaryPods() {
        return client.pods().inNamespace(world.namespace()).withLabel(Canary.CANARY_LABEL).list().getItems()
                .stream().map(p -> p.getMetadata().getName()).toList();
    }

    @Test
    void blockingTheApiServerChecksEnforcementThenThePolicyAndDeletesItOnClose() {
        world = ChaosWorld.shamir(server, client);

        try (BlockingPolicy blocked = world.chaos.network().blockApiServer()) {
            assertThat(blocked.kind()).isEqualTo("block-apiserver");
            assertThat(blocked.policyNames()).containsExactly("vt-block-apiserver");
            assertThat(policies()).extracting(p -> p.getMetadata().getName()).containsExactly("vt-block-apiserver");
            NetworkPolicy policy = policies().get(0);
            assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/instance", world.env.releaseName()).containsEntry("component", "server");
            assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            assertThat(egress).hasSize(5);
            assertThat(egress.get(0).getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(53, 53);
            assertThat(egress.get(2).getTo().get(0).getIpBlock().getExcept())
                    .containsExactly("10.43.0.1/32", "172.18.0.2/32");
            // only the API server's ports: the Service IP's 443 and the endpoint's 6443; the rest stays open
            assertThat(egress.get(3).getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.43.0.1/32");
            assertThat(ports(egress.get(3))).containsExactly("TCP 1-442", "TCP 444-65535", "UDP 1-65535");
            assertThat(egress.get(4).getTo().get(0).getIpBlock().getCidr()).isEqualTo("172.18.0.2/32");
            assertThat(ports(egress.get(4))).containsExactly("TCP 1-6442", "TCP 6444-65535", "UDP 1-65535");
            // control, enforcement canary, then the policy's own control and canary towards the Service IP
            assertThat(world.controllers.canaryDestinations).containsExactly("https://10.43.0.1:443/",
                    "https://10.43.0.1:443/", "https://10.43.0.1:443/", "https://10.43.0.1:443/");
            assertThat(blocked.verification().observed()).contains("could not connect to https://10.43.0.1:443/");
            assertThat(blocked.note()).contains("existing connections survive");
            assertThat(blocked.selectedNodes()).containsExactlyElementsOf(world.pods());
            assertThat(canaryPods()).isEmpty();
            assertThat(policies()).hasSize(1);
        }
        assertThat(policies()).isEmpty();
    }

    @Test
    void enforcementIsCheckedOncePerCluster() {
        world = ChaosWorld.shamir(server, client);
        NetworkPolicyEnforcement shared = new NetworkPolicyEnforcement();
        Chaos first = world.chaos(ChaosWorld.fastOptions().policyEnforcement(shared).verifyEachPolicy(false));
        Chaos second = world.chaos(ChaosWorld.fastOptions().policyEnforcement(shared).verifyEachPolicy(false));

        first.network().denyAllEgressExceptDns().close();
        second.network().blockApiServer().close();

        assertThat(world.controllers.canaryDestinations).hasSize(2);
        assertThat(shared.resultFor(world.cluster)).hasValueSatisfying(r -> assertThat(r.enforced()).isTrue());
    }

    @Test
    void aClusterThatDoesNotEnforcePoliciesFailsWithTheExplanationAndAppliesNothing() {
        world = ChaosWorld.shamir(server, client);
        world.controllers.policiesEnforced = false;

        assertThatThrownBy(() -> world.chaos.network().blockApiServer())
                .isInstanceOf(NetworkPolicyNotEnforcedException.class)
                .hasMessageContaining("stores NetworkPolicies but does not enforce them")
                .hasMessageContaining("ipset")
                .hasMessageContaining("under deny-all egress: canary vt-canary-");
        assertThat(policies()).isEmpty();
        assertThat(world.measurements).extracting(RecoveryMeasurement::outcome)
                .containsExactly(RecoveryMeasurement.Outcome.FAULT_NOT_EFFECTIVE);
    }

    @Test
    void aPolicyWhoseDestinationStaysReachableIsDeletedAndReported() {
        world = ChaosWorld.autoUnseal(server, client);
        String kms = world.kms().endpointForPods().toString();
        world.controllers.leakyDestinations.add(kms);

        assertThatThrownBy(() -> world.chaos.network().blockKms())
                .isInstanceOf(FaultNotEffectiveException.class)
                .isNotInstanceOf(NetworkPolicyNotEnforcedException.class)
                .hasMessageContaining("unable to open a connection to " + kms)
                .hasMessageContaining("connected to " + kms)
                .hasMessageContaining("do not block the KMS emulator");
        assertThat(policies()).isEmpty();
    }

    @Test
    void aDestinationThatIsDownCannotProveAPolicyAndNothingStaysApplied() {
        world = ChaosWorld.autoUnseal(server, client);
        String kms = world.kms().endpointForPods().toString();
        world.controllers.downDestinations.add(kms);

        assertThatThrownBy(() -> world.chaos.network().blockKms())
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("Cannot verify vt-block-kms")
                .hasMessageContaining("control canary under no policy could not reach " + kms)
                .hasMessageContaining("verifyEachPolicy(false)");
        assertThat(policies()).isEmpty();
        assertThat(canaryPods()).isEmpty();
    }

    @Test
    void blockingTheKmsCutsItsAddressAndPortOnly() {
        world = ChaosWorld.autoUnseal(server, client);
        URI kms = world.kms().endpointForPods();

        BlockingPolicy blocked = world.chaos.network().blockKms();

        List<NetworkPolicyEgressRule> egress = policies().get(0).getSpec().getEgress();
        assertThat(egress.get(2).getTo().get(0).getIpBlock().getExcept()).containsExactly(kms.getHost() + "/32");
        assertThat(egress.get(3).getTo().get(0).getIpBlock().getCidr()).isEqualTo(kms.getHost() + "/32");
        assertThat(ports(egress.get(3))).containsExactly("TCP 1-" + (kms.getPort() - 1),
                "TCP " + (kms.getPort() + 1) + "-65535", "UDP 1-65535");
        assertThat(blocked.target()).isEqualTo("networkpolicy/vt-block-kms");
    }

    @Test
    void theApiServerIsBlockedOnItsPortsOnlyAndOnTheServicesTargetPortWhereTheSliceNamesNone() {
        client.services().inNamespace("default").resource(new ServiceBuilder()
                .withNewMetadata().withName("kubernetes").withNamespace("default").endMetadata().withNewSpec()
                .withClusterIP("10.96.0.1").addNewPort().withPort(443)
                .withTargetPort(new IntOrString(6443)).endPort().endSpec().build())
                .create();
        client.discovery().v1().endpointSlices().inNamespace("default").resource(
                new EndpointSliceBuilder().withNewMetadata()
                        .withName("kubernetes").withNamespace("default")
                        .addToLabels("kubernetes.io/service-name", "kubernetes").endMetadata()
                        .withAddressType("IPv4").addNewEndpoint().withAddresses("10.200.0.1").endEndpoint().build())
                .create();

        assertThat(new ClusterAddresses(client).apiServerPorts()).extracting(BlockedPort::toString)
                .containsExactly("10.96.0.1:443", "10.200.0.1:6443");
    }

    /** A rule's ports as {@code "TCP 1-442"} (or {@code "TCP 53"} for a single port). */
    private static List<String> ports(NetworkPolicyEgressRule rule) {
        return rule.getPorts().stream().map(p -> p.getProtocol() + " " + p.getPort().getIntVal()
                + (p.getEndPort() == null ? "" : "-" + p.getEndPort())).toList();
    }

    @Test
    void aPartitionCutsEachSideOffFromTheOther() {
        world = ChaosWorld.shamir(server, client);

        try (BlockingPolicy partition = world.chaos.network().partition(world.pod(2))) {
            assertThat(partition.kind()).isEqualTo("raft-partition");
            assertThat(partition.policyNames()).containsExactly("vt-partition-a", "vt-partition-b");
            NetworkPolicy a = policies().stream().filter(p -> p.getMetadata().getName().equals("vt-partition-a"))
                    .findFirst().orElseThrow();
            assertThat(a.getSpec().getPodSelector().getMatchExpressions()).extracting(LabelSelectorRequirement::getValues)
                    .containsExactly(List.of(world.pod(2)));
            LabelSelectorRequirement notIn = a.getSpec().getEgress().get(1).getTo().get(0).getPodSelector()
                    .getMatchExpressions().get(0);
            assertThat(notIn.getOperator()).isEqualTo("NotIn");
            assertThat(notIn.getValues()).containsExactly(world.pod(0), world.pod(1));
            assertThat(a.getSpec().getEgress().get(2).getTo().get(0).getIpBlock().getExcept())
                    .containsExactly(ClusterAddresses.K3S_DEFAULT_POD_CIDR);
            // each side's canary tries the other side's cluster port
            assertThat(world.controllers.canaryDestinations).contains("https://10.42.0.10:8201/",
                    "https://10.42.0.12:8201/");
            assertThat(partition.selectedNodes()).containsExactly(world.pod(2));
        }
        assertThat(policies()).isEmpty();
    }

    @Test
    void restartingTheSelectedPodsRestartsTheNamedSideOfAPartition() {
        world = ChaosWorld.shamir(server, client);
        BlockingPolicy partition = world.chaos.network().partition(world.pod(1));
        String before = client.pods().inNamespace(world.namespace()).withName(world.pod(1)).get().getMetadata()
                .getUid();

        PodDeletion restarted = partition.restartSelectedPods(Grace.IMMEDIATE);

        assertThat(restarted.deletedPods()).extracting(DeletedPod::name).containsExactly(world.pod(1));
        assertThat(restarted.deletedPods().get(0).oldUid()).isEqualTo(before);
        assertThat(policies()).hasSize(2);
        partition.close();
        assertThat(policies()).isEmpty();
    }

    @Test
    void aPartitionNeedsNodesOnBothSides() {
        world = ChaosWorld.shamir(server, client);

        assertThatThrownBy(() -> world.chaos.network().partition(world.pods().toArray(String[]::new)))
                .isInstanceOf(ChaosPreconditionException.class).hasMessageContaining("needs nodes on both sides");
        assertThatThrownBy(() -> world.chaos.network().partition("vault-7"))
                .isInstanceOf(ChaosPreconditionException.class).hasMessageContaining("No Vault node named 'vault-7'");
        assertThat(world.controllers.canaryDestinations).isEmpty();
    }

    @Test
    void aCustomPolicyBlocksWhatItNamesAndChecksItsOwnDestination() {
        world = ChaosWorld.shamir(server, client);

        try (BlockingPolicy custom = world.chaos.network().policy("vt-block-db").forNodes(world.pod(0))
                .blockEgressTo("10.0.0.7").allowDns(false).verifyBlocked(URI.create("http://10.0.0.7:5432/"))
                .apply()) {
            NetworkPolicy policy = policies().get(0);
            assertThat(custom.kind()).isEqualTo("network-policy");
            assertThat(policy.getSpec().getEgress()).hasSize(2);
            assertThat(policy.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getExcept())
                    .containsExactly("10.0.0.7/32");
            assertThat(world.controllers.canaryDestinations).last().isEqualTo("http://10.0.0.7:5432/");
            assertThat(custom.selectedNodes()).containsExactly(world.pod(0));
        }
    }

    @Test
    void theBuilderRejectsWhatCannotBeAPolicy() {
        world = ChaosWorld.shamir(server, client);
        NetworkChaos network = world.chaos.network();

        assertThatThrownBy(() -> network.policy("Not_A_Label")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a DNS label");
        assertThatThrownBy(() -> network.policy("vt-x").blockEgressTo("db.example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not an IPv4 CIDR");
        assertThatThrownBy(() -> network.policy("vt-x").apply()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocks nothing");
        assertThatThrownBy(() -> network.policy("vt-x").verifyBlocked(URI.create("tcp://10.0.0.1:5432")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCanaryImageThatCannotBePulledSaysSo() {
        world = ChaosWorld.shamir(server, client);
        world.controllers.canaryImagePullFails = true;

        assertThatThrownBy(() -> world.chaos.network().denyAllEgressExceptDns())
                .hasMessageContaining("did not run to completion")
                .hasMessageContaining("ImagePullBackOff")
                .hasMessageContaining("curlimages/curl:");
        assertThat(policies()).isEmpty();
        assertThat(canaryPods()).isEmpty();
    }

    @Test
    void aBrokenPodNetworkCannotTellEnforcementApart() {
        world = ChaosWorld.shamir(server, client);
        world.controllers.networkBroken = true;

        assertThatThrownBy(() -> world.chaos.network().denyAllEgressExceptDns())
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("the control canary, under no policy, could not reach");
        assertThat(policies()).isEmpty();
    }
}
