package com.couponplatform.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/ read by the Kubernetes model (fabric8): every document a known kind with no
 * field the model does not have, and the wiring between them right.
 */
class KubernetesManifestsTest {

	private static final List<HasMetadata> resources = new ArrayList<>();

	@BeforeAll
	static void read() throws Exception {
		ObjectMapper json = new ObjectMapper();
		List<Path> files = Repository.files("deploy/k8s", ".yaml");
		assertThat(files).extracting((path) -> path.getFileName().toString())
			.containsExactlyInAnyOrder("configmap.yaml", "coupon-api.yaml", "coupon-admin.yaml");
		for (Path file : files) {
			for (Object document : new Yaml().loadAll(Files.readString(file))) {
				KubernetesResource resource = json.convertValue(document, KubernetesResource.class);
				assertThat(resource).as("%s: a kind the model knows", file)
					.isNotInstanceOf(GenericKubernetesResource.class);
				assertThat(StrictModel.unknownFields(resource)).as("%s: fields the model does not have", file)
					.isEmpty();
				resources.add((HasMetadata) resource);
			}
		}
	}

	@Test
	void holdsEachServicesDeploymentServiceAndDisruptionBudgetAndTheApisAutoscaler() {
		assertThat(resources).extracting((resource) -> resource.getKind() + "/" + resource.getMetadata().getName())
			.containsExactlyInAnyOrder("ConfigMap/coupon-config", "Deployment/coupon-api", "Service/coupon-api",
					"HorizontalPodAutoscaler/coupon-api", "PodDisruptionBudget/coupon-api", "Deployment/coupon-admin",
					"Service/coupon-admin", "PodDisruptionBudget/coupon-admin");
		HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, "coupon-api");
		assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("coupon-api");
		assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void servicesAndBudgetsSelectTheirDeploymentsPods() {
		for (String name : List.of("coupon-api", "coupon-admin")) {
			Map<String, String> podLabels = one(Deployment.class, name).getSpec()
				.getTemplate()
				.getMetadata()
				.getLabels();
			assertThat(podLabels).containsAllEntriesOf(one(Service.class, name).getSpec().getSelector());
			assertThat(podLabels)
				.containsAllEntriesOf(one(PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels());
			assertThat(podLabels)
				.containsAllEntriesOf(one(Deployment.class, name).getSpec().getSelector().getMatchLabels());
		}
	}

	@Test
	void everyContainerIsProbedOnTheActuatorGroupsBoundedAndNonRoot() {
		for (String name : List.of("coupon-api", "coupon-admin")) {
			Deployment deployment = one(Deployment.class, name);
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(container.getImage()).startsWith(name + ":");
			assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
			assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
			assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
			assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
		}
	}

	@Test
	void secretsComeByReferenceAndEveryVariableIsOneTheServiceReads() {
		ConfigMap config = one(ConfigMap.class, "coupon-config");
		for (String name : List.of("coupon-api", "coupon-admin")) {
			ServiceSettings settings = ServiceSettings.of(name);
			Container container = one(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
			List<String> variables = new ArrayList<>();
			for (EnvFromSource source : container.getEnvFrom()) {
				assertThat(source.getConfigMapRef().getName()).isEqualTo("coupon-config");
				variables.addAll(config.getData().keySet());
			}
			for (EnvVar variable : container.getEnv()) {
				variables.add(variable.getName());
				if (variable.getName().matches(".*(PASSWORD|SECRET).*")) {
					assertThat(variable.getValue()).as(variable.getName()).isNull();
					assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo("coupon-secrets");
				}
			}
			assertThat(variables).as(name).filteredOn((variable) -> !settings.reads(variable)).isEmpty();
			assertThat(config.getData().keySet()).noneMatch((key) -> key.matches(".*(PASSWORD|SECRET).*"));
		}
	}

	private static <T extends HasMetadata> T one(Class<T> type, String name) {
		return resources.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter((resource) -> resource.getMetadata().getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
	}

}
