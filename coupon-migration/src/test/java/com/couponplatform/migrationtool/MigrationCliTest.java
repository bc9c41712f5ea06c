package com.couponplatform.migrationtool;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationCliTest {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void locatesTheProductTestVector() {
		assertThat(cli(Map.of()).run("locate", "12345")).isZero();
		assertThat(printed()).isEqualTo("coupon_ds_1.user_coupon_4");
	}

	@Test
	void locatesWithTheConfiguredLayoutAndPrefix() {
		assertThat(cli(
				Map.of("COUPON_SHARDING_DATABASES", "4", "COUPON_SHARDING_TABLES", "16", "COUPON_DB_PREFIX", "mall"))
			.run("locate", "12345")).isZero();
		// h = 3421846044: h % 16 = 12, h / 16 % 4 = 1
		assertThat(printed()).isEqualTo("mall_ds_1.user_coupon_12");
	}

	@Test
	void refusesAKeyThatIsNotAUserId() {
		assertThat(cli(Map.of()).run("locate", "-5")).isEqualTo(2);
		assertThat(cli(Map.of()).run("frobnicate")).isEqualTo(2);
	}

	@Test
	void refusesLegacyCommandsWithBadOptionsBeforeTouchingAnyDatabase() {
		String[] base = { "legacy-generate", "--database", "mall_x", "--templates", "50", "--coupons", "10", "--codes",
				"10", "--seed", "1" };
		assertThat(cli(Map.of()).run(append(base, "--users", "0"))).isEqualTo(2);
		assertThat(printed()).contains("refused: need --users >= 1");
		assertThat(cli(Map.of()).run(append(base, "--users", "5", "--now", "yesterday"))).isEqualTo(2);
		assertThat(cli(Map.of()).run(append(base, "--users", "5", "--colour", "blue"))).isEqualTo(2);
		assertThat(printed()).contains("unknown option --colour");
		assertThat(cli(Map.of()).run("legacy-schema", "--database", "mall; DROP DATABASE mall")).isEqualTo(2);
		assertThat(printed()).contains("--database must be 1-64 letters, digits or underscores");
		assertThat(cli(Map.of()).run("legacy-schema")).isEqualTo(2);
		assertThat(printed()).contains("--database is required");
	}

	@Test
	void refusesPhaseCommandsItCannotRunBeforeTouchingAnyDatabase() {
		assertThat(cli(Map.of()).run("transition", "STATIC_FROZEN")).isEqualTo(2);
		assertThat(printed()).contains("set COUPON_LEGACY_DB_NAME");
		assertThat(cli(Map.of()).run("transition")).isEqualTo(2);
		assertThat(cli(Map.of()).run("status", "LEGACY")).isEqualTo(2);
		assertThat(cli(Map.of()).run("status", "--dry-run")).isEqualTo(2);
		assertThat(cli(Map.of()).run("verify", "--from-user", "x")).isEqualTo(2);
		assertThat(cli(Map.of()).run("verify", "--to-user", "0")).isEqualTo(2);
		assertThat(cli(Map.of()).run("verify", "--to-user")).isEqualTo(2);
		assertThat(cli(Map.of()).run("verify", "everything")).isEqualTo(2);
		assertThat(cli(Map.of()).run("status", "--from-user", "5")).isEqualTo(2);
		assertThat(printed()).contains("usage: coupon-migration status [--json] | transition PHASE");
		assertThat(cli(Map.of()).run("demo-reset")).isEqualTo(2);
		assertThat(printed()).contains("is not a demo platform's");
	}

	private static String[] append(String[] base, String... more) {
		String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	private MigrationCli cli(Map<String, String> env) {
		return new MigrationCli(env, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8).strip();
	}

}
