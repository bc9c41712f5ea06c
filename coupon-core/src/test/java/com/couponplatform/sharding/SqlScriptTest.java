package com.couponplatform.sharding;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SqlScriptTest {

	@Test
	void expandsATableTemplateOncePerPhysicalTable() {
		SqlScript script = SqlScript.load(named("V3__demo.sql", """
				-- a comment
				CREATE TABLE IF NOT EXISTS a_${t} (
				  id BIGINT
				);
				CREATE TABLE IF NOT EXISTS b (id BIGINT);
				"""));
		assertThat(script.version()).isEqualTo(3);
		assertThat(script.statements(3)).containsExactly("CREATE TABLE IF NOT EXISTS a_0 (\n  id BIGINT\n)",
				"CREATE TABLE IF NOT EXISTS a_1 (\n  id BIGINT\n)", "CREATE TABLE IF NOT EXISTS a_2 (\n  id BIGINT\n)",
				"CREATE TABLE IF NOT EXISTS b (id BIGINT)");
	}

	@Test
	void refusesAFileThatEndsInsideAStatement() {
		SqlScript script = SqlScript.load(named("V1__broken.sql", "CREATE TABLE x (id BIGINT)\n"));
		assertThatIllegalStateException().isThrownBy(() -> script.statements(1)).withMessageContaining("missing ';'");
	}

	@Test
	void refusesAFileNotNamedByVersion() {
		assertThatIllegalStateException().isThrownBy(() -> SqlScript.load(named("schema.sql", "")))
			.withMessageContaining("V<version>__<name>.sql");
	}

	@Test
	void expandsTheShippedShardSchemaForEveryTable() {
		SqlScript shard = SqlScript.load(new ClassPathResource("sql/shard/V1__user_coupon.sql"));
		assertThat(shard.statements(8)).filteredOn((sql) -> sql.contains("TABLE IF NOT EXISTS user_coupon_"))
			.hasSize(8);
		assertThat(shard.statements(8)).noneMatch((sql) -> sql.contains("${"));
	}

	private static Resource named(String filename, String text) {
		return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return filename;
			}
		};
	}

}
