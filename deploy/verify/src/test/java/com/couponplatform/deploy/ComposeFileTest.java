package com.couponplatform.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose/compose.yaml, as compose reads it (anchors and merge keys resolved),
 * checked against the compose-spec JSON schema committed beside it, and wired as the
 * services expect.
 */
class ComposeFileTest {

	private static final Pattern REQUIRED_INTERPOLATION = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

	private final JsonNode compose = new ObjectMapper()
		.valueToTree(new Yaml().load(Repository.read("deploy/compose/compose.yaml")));

	@Test
	void isAValidComposeFile() {
		JsonSchema schema = schema();
		Set<ValidationMessage> problems = schema.validate(this.compose);
		assertThat(problems).isEmpty();
	}

	@Test
	void schemaRefusesWhatComposeWouldRefuse() {
		// The validation can fail: an unknown service key and an environment that is
		// neither a mapping nor a list.
		JsonSchema schema = schema();
		JsonNode broken = new ObjectMapper().valueToTree(new Yaml()
			.load("services:\n  api:\n    image: coupon-api:0.1.0\n    helthcheck: {}\n    environment: 42\n"));
		assertThat(schema.validate(broken)).extracting(ValidationMessage::getMessage)
			.anyMatch((message) -> message.contains("helthcheck"))
			.anyMatch((message) -> message.contains("environment"));
	}

	@Test
	void runsTwoShardPrimariesWithReplicasTheGlobalDatabaseRedisRocketMqTwoApisAndTheAdmin() {
		List<String> services = new ArrayList<>();
		this.compose.path("services").fieldNames().forEachRemaining(services::add);
		assertThat(services).containsExactlyInAnyOrder("mysql-global", "mysql-shard-0", "mysql-shard-0-replica",
				"mysql-shard-1", "mysql-shard-1-replica", "redis", "rocketmq-namesrv", "rocketmq-broker",
				"coupon-api-1", "coupon-api-2", "coupon-admin", "coupon-migration", "coupon-migration-worker");
		for (String shard : List.of("mysql-shard-0", "mysql-shard-1")) {
			JsonNode replica = service(shard + "-replica");
			assertThat(replica.path("image").asText()).startsWith("mysql:8");
			assertThat(replica.path("environment").path("SOURCE_HOST").asText()).isEqualTo(shard);
			assertThat(replica.path("command").toString()).contains("--super-read-only=ON", "--gtid-mode=ON");
			assertThat(service(shard).path("command").toString()).contains("--log-bin", "--gtid-mode=ON");
			assertThat(serverIds()).doesNotHaveDuplicates();
		}
		for (String api : List.of("coupon-api-1", "coupon-api-2")) {
			JsonNode environment = service(api).path("environment");
			assertThat(environment.path("COUPON_DB_SHARD_0_REPLICAS").asText()).isEqualTo("mysql-shard-0-replica:3306");
			assertThat(environment.path("COUPON_DB_SHARD_1_HOST").asText()).isEqualTo("mysql-shard-1");
			assertThat(environment.path("COUPON_ROCKETMQ_NAMESRV").asText()).isEqualTo("rocketmq-namesrv:9876");
		}
		for (JsonNode service : this.compose.path("services")) {
			service.path("volumes").forEach((volume) -> {
				String source = volume.asText().split(":")[0];
				if (source.startsWith("./")) {
					assertThat(Repository.file("deploy/compose/" + source.substring(2))).exists();
				}
			});
			JsonNode build = service.path("build");
			if (!build.isMissingNode()) {
				assertThat(Repository.file(build.path("dockerfile").asText())).exists();
			}
		}
	}

	@Test
	void everyVariableOfAPlatformImageIsOneItReadsAndSecretsAreRequiredFromOutside() {
		for (Map.Entry<String, JsonNode> service : (Iterable<Map.Entry<String, JsonNode>>) () -> this.compose
			.path("services")
			.fields()) {
			String image = service.getValue().path("image").asText();
			if (!image.startsWith("coupon-")) {
				continue;
			}
			ServiceSettings settings = ServiceSettings.of(image.substring(0, image.indexOf(':')));
			List<String> unread = new ArrayList<>();
			service.getValue().path("environment").fields().forEachRemaining((variable) -> {
				if (!settings.reads(variable.getKey())) {
					unread.add(variable.getKey());
				}
				if (variable.getKey().matches(".*(PASSWORD|SECRET).*")) {
					Matcher required = REQUIRED_INTERPOLATION.matcher(variable.getValue().asText());
					assertThat(required.matches()).as(service.getKey() + " " + variable.getKey()).isTrue();
				}
			});
			assertThat(unread).as(service.getKey()).isEmpty();
		}
	}

	/** Read from its file, whose address resolves the schema's relative {@code $id}. */
	private static JsonSchema schema() {
		return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
			.getSchema(SchemaLocation.of(Repository.file("deploy/compose/compose-spec.json").toUri().toString()));
	}

	private JsonNode service(String name) {
		return this.compose.path("services").path(name);
	}

	private List<String> serverIds() {
		List<String> ids = new ArrayList<>();
		for (JsonNode service : this.compose.path("services")) {
			service.path("command").forEach((argument) -> {
				if (argument.asText().startsWith("--server-id=")) {
					ids.add(argument.asText());
				}
			});
		}
		return ids;
	}

}
