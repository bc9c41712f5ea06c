package com.couponplatform.api;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import com.couponplatform.secret.MissingSecretException;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * coupon-api refuses to start without a JWT secret of at least 32 bytes.
 */
@RealServices
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
		// Explicitly empty when absent, so that a secret in the developer's environment
		// cannot leak in.
		var context = SpringApplication.run(CouponApiApplication.class,
				TestServices.commandLine("coupon.jwt.secret=" + ((secret != null) ? secret : "")));
		context.close();
		assertThat(context).as("the context should not have started").isNull();
	}

}
