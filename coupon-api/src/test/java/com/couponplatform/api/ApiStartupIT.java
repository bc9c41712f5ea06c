package com.couponplatform.api;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import com.couponplatform.secret.MissingSecretException;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * coupon-api refuses to start without a JWT secret of at least 32 bytes.
 */
class ApiStartupIT {

	@Test
	void refusesToStartWithoutAJwtSecret() {
		assertThatThrownBy(() -> start(null)).hasRootCauseInstanceOf(MissingSecretException.class)
			.rootCause()
			.hasMessageContaining("COUPON_JWT_SECRET");
	}

	@Test
	void refusesToStartWithAShortJwtSecret() {
		assertThatThrownBy(() -> start("only-31-bytes-long-secret-value"))
			.hasRootCauseInstanceOf(MissingSecretException.class);
	}

	private static void start(String secret) {
		List<String> args = new ArrayList<>();
		TestServices.springProperties(TestServices.jvmPrefix())
			.forEach((key, value) -> args.add("--" + key + "=" + value));
		args.add("--server.port=0");
		// Explicitly empty when absent, so that a secret in the developer's environment
		// cannot leak in.
		args.add("--coupon.jwt.secret=" + ((secret != null) ? secret : ""));
		var context = SpringApplication.run(CouponApiApplication.class, args.toArray(String[]::new));
		context.close();
		assertThat(context).as("the context should not have started").isNull();
	}

}
