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

	private MigrationCli cli(Map<String, String> env) {
		return new MigrationCli(env, new PrintStream(this.output, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return this.output.toString(StandardCharsets.UTF_8).strip();
	}

}
