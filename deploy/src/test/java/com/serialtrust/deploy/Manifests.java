package com.serialtrust.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Rendered manifests read into Kubernetes' typed model (fabric8), and what is wrong with them: a kind
 * the model does not know, a field it does not know (fabric8 keeps those aside rather than refusing
 * them, so every object is walked for them), and the security basics of every pod.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {}

    /** What {@code deploy/kustomize.sh build} renders for {@code overlay} (a folder under deploy/). */
    static String render(final String overlay) throws IOException, InterruptedException {
        final Process process = new ProcessBuilder("bash", "kustomize.sh", "build", overlay)
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(false).start();
        final byte[] out = process.getInputStream().readAllBytes();
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("kustomize build " + overlay + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Each document of a rendered stream as a typed object. */
    static List<HasMetadata> read(final String yaml) {
        final List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                objects.add(SERIALIZATION.unmarshal(document));
            }
        }
        return objects;
    }

    /** Every fault of the objects: unknown kinds and fields, and pods short of the security basics. */
    static List<String> faults(final List<HasMetadata> objects) {
        final List<String> faults = new ArrayList<>();
        for (HasMetadata object : objects) {
            final String name = object.getKind() + "/" + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                faults.add(name + ": a kind Kubernetes' model does not know");
                continue;
            }
            unknownFields(object, name, faults);
            if (object instanceof Deployment deployment) {
                pod(deployment.getSpec().getTemplate().getSpec(), name, faults);
            }
        }
        return faults;
    }

    private static void pod(final PodSpec pod, final String name, final List<String> faults) {
        final var context = Optional.ofNullable(pod.getSecurityContext());
        if (!context.map(c -> Boolean.TRUE.equals(c.getRunAsNonRoot())).orElse(false)) {
            faults.add(name + ": the pod may run as root (runAsNonRoot)");
        }
        if (!context.map(c -> c.getSeccompProfile() != null && "RuntimeDefault".equals(c.getSeccompProfile().getType())).orElse(false)) {
            faults.add(name + ": no RuntimeDefault seccomp profile");
        }
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            faults.add(name + ": shares a namespace of the host");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            faults.add(name + ": mounts a service account token it does not need");
        }
        for (Container container : concat(pod.getInitContainers(), pod.getContainers())) {
            container(container, name + " container " + container.getName(), faults);
        }
    }

    private static void container(final Container container, final String name, final List<String> faults) {
        final var context = Optional.ofNullable(container.getSecurityContext());
        if (!context.map(c -> Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())).orElse(false)) {
            faults.add(name + ": may escalate privileges (allowPrivilegeEscalation)");
        }
        if (!context.map(c -> Boolean.TRUE.equals(c.getReadOnlyRootFilesystem())).orElse(false)) {
            faults.add(name + ": writes to its root filesystem (readOnlyRootFilesystem)");
        }
        if (!context.map(c -> c.getCapabilities() != null && c.getCapabilities().getDrop() != null
                && c.getCapabilities().getDrop().contains("ALL")).orElse(false)) {
            faults.add(name + ": keeps Linux capabilities (drop ALL)");
        }
        if (context.map(c -> Boolean.TRUE.equals(c.getPrivileged())).orElse(false)) {
            faults.add(name + ": is privileged");
        }
        final var resources = Optional.ofNullable(container.getResources());
        for (String kind : List.of("cpu", "memory")) {
            if (resources.map(r -> r.getLimits() == null || !r.getLimits().containsKey(kind)).orElse(true)) {
                faults.add(name + ": no " + kind + " limit");
            }
            if (resources.map(r -> r.getRequests() == null || !r.getRequests().containsKey(kind)).orElse(true)) {
                faults.add(name + ": no " + kind + " request");
            }
        }
        if (container.getImage() == null || !container.getImage().matches(".+:[A-Za-z0-9._-]+") || container.getImage().endsWith(":latest")) {
            faults.add(name + ": image " + container.getImage() + " has no pinned tag");
        }
    }

    private static List<Container> concat(final List<Container> first, final List<Container> second) {
        final List<Container> all = new ArrayList<>(first == null ? List.of() : first);
        all.addAll(second == null ? List.of() : second);
        return all;
    }

    /** Fields the model kept aside as unknown, anywhere in the object. */
    private static void unknownFields(final Object node, final String path, final List<String> faults) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, faults));
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", faults);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        try {
            for (PropertyDescriptor property : Introspector.getBeanInfo(node.getClass(), Object.class).getPropertyDescriptors()) {
                if (property.getReadMethod() == null) {
                    continue;
                }
                final Object value = property.getReadMethod().invoke(node);
                if (property.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        faults.add(path + ": fields Kubernetes does not know: " + Arrays.toString(extra.keySet().toArray()));
                    }
                } else {
                    unknownFields(value, path + "." + property.getName(), faults);
                }
            }
        } catch (IntrospectionException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + node.getClass(), e);
        }
    }
}
