package com.couponplatform.admin;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import com.couponplatform.secret.MissingSecretException;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * coupon-admin refuses to start without a strong enough admin password.
 */
class AdminStartupIT {

	@Test
	void refusesToStartWithoutTheAdminPassword() {
		assertThatThrownBy(() -> start(null)).hasRootCauseInstanceOf(MissingSecretException.class)
			.rootCause()
			.hasMessageContaining("COUPON_ADMIN_PASSWORD");
	}

	@Test
	void refusesToStartWithAShortAdminPassword() {
		assertThatThrownBy(() -> start("short")).hasRootCauseInstanceOf(MissingSecretException.class);
	}

	private static void start(String password) {
		List<String> args = new ArrayList<>();
		TestServices.springProperties(TestServices.jvmPrefix())
			.forEach((key, value) -> args.add("--" + key + "=" + value));
		args.add("--server.port=0");
		// Explicitly empty when absent, so that a secret in the developer's environment
		// cannot leak in.
		args.add("--coupon.admin.password=" + ((password != null) ? password : ""));
		var context = SpringApplication.run(CouponAdminApplication.class, args.toArray(String[]::new));
		context.close();
		assertThat(context).as("the context should not have started").isNull();
	}

}
