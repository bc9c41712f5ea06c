package com.couponplatform.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.couponplatform.testsupport.DocumentedMetrics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/observability/: the alert rules in the shape Prometheus loads, and the rules and
 * the Grafana dashboard built only on metrics docs/metrics.md lists (which the services'
 * scrape tests prove are exported).
 */
class ObservabilityFilesTest {

	private static final Pattern METRIC = Pattern.compile("\\b((?:coupon|hikaricp|http_server|jvm)_[a-z_]+)");

	private static final Set<String> RULE_KEYS = Set.of("alert", "expr", "for", "labels", "annotations");

	@Test
	void alertRulesAreWellFormedAndUseOnlyDocumentedMetrics() {
		Map<String, Object> file = new Yaml().load(Repository.read("deploy/observability/alert-rules.yaml"));
		assertThat(file).containsOnlyKeys("groups");
		List<String> alerts = new ArrayList<>();
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : groups(file)) {
			assertThat(group).containsOnlyKeys("name", "rules");
			for (Map<String, Object> rule : rules(group)) {
				assertThat(RULE_KEYS).as("%s", rule.get("alert")).containsAll(rule.keySet());
				assertThat(rule).containsKeys("alert", "expr", "for");
				assertThat(rule.get("for").toString()).matches("\\d+[smh]");
				assertThat(map(rule.get("labels"))).containsKey("severity");
				assertThat(map(rule.get("annotations"))).containsKeys("summary", "description");
				alerts.add(rule.get("alert").toString());
				expressions.add(rule.get("expr").toString());
			}
		}
		assertThat(alerts).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(10);
		// Each alert is explained in docs/metrics.md.
		String docs = Repository.read("docs/metrics.md");
		assertThat(alerts).allMatch((alert) -> docs.contains("`" + alert + "`"));
		assertThat(undocumented(expressions)).isEmpty();
	}

	@Test
	void dashboardPanelsQueryOnlyDocumentedMetrics() throws Exception {
		JsonNode dashboard = new ObjectMapper()
			.readTree(Repository.read("deploy/observability/grafana-dashboard.json"));
		assertThat(dashboard.path("uid").asText()).isEqualTo("coupon-platform");
		List<String> expressions = new ArrayList<>();
		Set<String> titles = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			titles.add(panel.path("title").asText());
			assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
			assertThat(panel.path("targets")).isNotEmpty();
			panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asText()));
		}
		assertThat(titles).contains("Claims by outcome", "Claim latency", "Outbox lag per shard", "Issuance progress",
				"Redemptions by outcome", "Shard availability", "Template cache hit ratio");
		assertThat(undocumented(expressions)).isEmpty();
	}

	@Test
	void theScrapeConfigurationReadsCredentialsFromFiles() {
		Map<String, Object> prometheus = new Yaml().load(Repository.read("deploy/observability/prometheus.yml"));
		assertThat(prometheus.get("rule_files")).isEqualTo(List.of("alert-rules.yaml"));
		String text = Repository.read("deploy/observability/prometheus.yml");
		assertThat(text).contains("credentials_file:", "password_file:").doesNotContain("password:");
	}

	/**
	 * Names in the expressions no row of docs/metrics.md lists (suffixes of a histogram
	 * allowed).
	 */
	private static Set<String> undocumented(List<String> expressions) {
		List<String> documented = DocumentedMetrics.all();
		assertThat(documented).hasSizeGreaterThan(20);
		Set<String> unknown = new TreeSet<>();
		for (String expression : expressions) {
			Matcher metric = METRIC.matcher(expression);
			while (metric.find()) {
				String name = metric.group(1).replaceAll("_(bucket|count|sum|max)$", "");
				if (!documented.contains(name)) {
					unknown.add(metric.group(1));
				}
			}
		}
		return unknown;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> groups(Map<String, Object> file) {
		return (List<Map<String, Object>>) file.get("groups");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rules(Map<String, Object> group) {
		return (List<Map<String, Object>>) group.get("rules");
	}

}
