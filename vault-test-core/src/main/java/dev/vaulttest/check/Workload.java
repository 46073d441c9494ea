package dev.vaulttest.check;

import dev.vaulttest.chart.RenderedManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rendered object that runs pods, with its pod spec.
 *
 * @param object the rendered object
 * @param pod its pod spec (for a Pod, its own spec)
 * @param podLabels the labels of its pods
 */
record Workload(HasMetadata object, PodSpec pod, Map<String, String> podLabels) {

    String resource() {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    static List<Workload> of(RenderedManifests manifests) {
        List<Workload> workloads = new ArrayList<>();
        for (HasMetadata object : manifests.objects()) {
            templateOf(object).ifPresent(t -> {
                if (t.getSpec() != null) {
                    workloads.add(new Workload(object, t.getSpec(), labels(t)));
                }
            });
            if (object instanceof Pod pod && pod.getSpec() != null) {
                workloads.add(new Workload(object, pod.getSpec(), Optional.ofNullable(pod.getMetadata().getLabels())
                        .orElse(Map.of())));
            }
        }
        return workloads;
    }

    private static Map<String, String> labels(PodTemplateSpec template) {
        if (template.getMetadata() == null || template.getMetadata().getLabels() == null) {
            return Collections.emptyMap();
        }
        return template.getMetadata().getLabels();
    }

    private static Optional<PodTemplateSpec> templateOf(HasMetadata object) {
        PodTemplateSpec template = null;
        if (object instanceof StatefulSet o && o.getSpec() != null) {
            template = o.getSpec().getTemplate();
        } else if (object instanceof Deployment o && o.getSpec() != null) {
            template = o.getSpec().getTemplate();
        } else if (object instanceof DaemonSet o && o.getSpec() != null) {
            template = o.getSpec().getTemplate();
        } else if (object instanceof ReplicaSet o && o.getSpec() != null) {
            template = o.getSpec().getTemplate();
        } else if (object instanceof ReplicationController o && o.getSpec() != null) {
            template = o.getSpec().getTemplate();
        } else if (object instanceof Job o && o.getSpec() != null) {
            template = o.getSpec().getTemplate();
        } else if (object instanceof CronJob o && o.getSpec() != null && o.getSpec().getJobTemplate() != null
                && o.getSpec().getJobTemplate().getSpec() != null) {
            template = o.getSpec().getJobTemplate().getSpec().getTemplate();
        }
        return Optional.ofNullable(template);
    }
}
