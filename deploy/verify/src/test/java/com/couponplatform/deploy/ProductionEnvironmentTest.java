package com.couponplatform.deploy;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/production.env.example sets only variables coupon-api or coupon-admin reads, and
 * no secret's value.
 */
class ProductionEnvironmentTest {

	@Test
	void everyVariableIsReadByAServiceAndSecretsAreLeftToTheSecretStore() {
		ServiceSettings api = ServiceSettings.of("coupon-api");
		ServiceSettings admin = ServiceSettings.of("coupon-admin");
		List<String[]> variables = Repository.read("deploy/production.env.example")
			.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.map((line) -> line.split("=", 2))
			.toList();
		assertThat(variables).hasSizeGreaterThan(20);
		assertThat(variables).extracting((variable) -> variable[0])
			.filteredOn((name) -> !api.reads(name) && !admin.reads(name))
			.isEmpty();
		assertThat(variables).filteredOn((variable) -> variable[0].matches(".*PASSWORD.*"))
			.allMatch((variable) -> variable[1].equals("<from your secret store>"));
	}

}
