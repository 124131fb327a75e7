package com.serialtrust.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay under deploy/overlays, rendered by Kustomize, is read strictly into Kubernetes' typed
 * model and meets the security basics; the api is probed, budgeted and fenced; on Fabric, the
 * chaincode server is a service that takes its peer over mutual TLS. Nothing is fetched at test time
 * but Kustomize itself, built once from the Go module proxy.
 */
class KustomizeOverlaysTest {

    private static <T extends HasMetadata> T one(final List<HasMetadata> objects, final Class<T> kind, final String name) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name));
    }

    private static Map<String, String> env(final Container container) {
        return container.getEnv().stream().filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/embedded-demo", "overlays/fabric-member"})
    void everyObjectIsOfKubernetesModelAndEveryPodMeetsTheSecurityBasics(final String overlay) throws Exception {
        final List<HasMetadata> objects = Manifests.read(Manifests.render(overlay));
        assertThat(objects).hasSizeGreaterThan(8);
        assertThat(Manifests.faults(objects)).as(overlay).isEmpty();

        final Deployment api = one(objects, Deployment.class, "serialtrust-api");
        final Container container = api.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(container.getImage()).isEqualTo("serialtrust/api:0.1.0-SNAPSHOT");
        assertThat(one(objects, PodDisruptionBudget.class, "serialtrust-api").getSpec().getSelector().getMatchLabels())
                .isEqualTo(api.getSpec().getSelector().getMatchLabels());
        assertThat(one(objects, NetworkPolicy.class, "serialtrust-default-deny").getSpec().getPolicyTypes())
                .containsExactlyInAnyOrder("Ingress", "Egress");
        // the settings the api reads: a generated ConfigMap that the Deployment names by its hashed name
        final String settings = api.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
        assertThat(one(objects, ConfigMap.class, settings).getData()).containsKey("application.yaml");
    }

    @Test
    void aFabricMemberRunsSeveralApiReplicasAndAChaincodeServiceOverMutualTls() throws Exception {
        final List<HasMetadata> objects = Manifests.read(Manifests.render("overlays/fabric-member"));
        final Deployment api = one(objects, Deployment.class, "serialtrust-api");
        assertThat(api.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(one(objects, PodDisruptionBudget.class, "serialtrust-api").getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        final String settings = api.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
        assertThat(one(objects, ConfigMap.class, settings).getData().get("fabric.yaml")).contains("mode: fabric")
                .as("replicas share their imports").contains("store: redis");
        // ... in a Redis that keeps what it acknowledged, on a volume, and evicts only keys with a deadline
        final var redis = one(objects, Deployment.class, "serialtrust-redis").getSpec().getTemplate().getSpec();
        assertThat(String.join(" ", redis.getContainers().get(0).getArgs())).contains("--appendonly yes", "--appendfsync always")
                .containsPattern("--maxmemory-policy (volatile-|noeviction)");
        assertThat(redis.getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
                .isEqualTo(one(objects, io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class, "serialtrust-redis-data").getMetadata().getName());

        final Service chaincode = one(objects, Service.class, "serialtrust-chaincode");
        assertThat(chaincode.getSpec().getPorts().get(0).getPort()).isEqualTo(7055);
        final Container server = one(objects, Deployment.class, "serialtrust-chaincode").getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(env(server)).containsEntry("CHAINCODE_SERVER_ADDRESS", "0.0.0.0:7055").containsEntry("CORE_PEER_TLS_ENABLED", "true")
                .containsKey("CHAINCODE_TLS_CLIENT_CACERT_FILE");
        assertThat(one(objects, NetworkPolicy.class, "serialtrust-chaincode").getSpec().getIngress().get(0).getPorts().get(0)
                .getPort().getIntVal()).isEqualTo(7055);
    }

    @Test
    void theDemoRunsOneReplicaForItsLedgerIsInThePod() throws Exception {
        final List<HasMetadata> objects = Manifests.read(Manifests.render("overlays/embedded-demo"));
        assertThat(one(objects, Deployment.class, "serialtrust-api").getSpec().getReplicas()).isEqualTo(1);
        assertThat(objects).noneMatch(o -> o.getMetadata().getName().equals("serialtrust-chaincode"));
    }

    @Test
    void theChecksFindAMisspeltFieldAnUnknownKindAndAPodThatMayRunAsRoot() {
        final List<HasMetadata> objects = Manifests.read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: careless
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: careless}
                  template:
                    metadata:
                      labels: {app: careless}
                    spec:
                      containers:
                        - name: main
                          image: example/app:latest
                          imagePullPolicyy: Always
                ---
                apiVersion: example.com/v1
                kind: Gadget
                metadata:
                  name: thing
                """);
        assertThat(String.join("\n", Manifests.faults(objects))).contains("imagePullPolicyy", "Gadget/thing", "runAsNonRoot",
                "readOnlyRootFilesystem", "drop ALL", "no memory limit", "no pinned tag", "service account token");
    }
}
