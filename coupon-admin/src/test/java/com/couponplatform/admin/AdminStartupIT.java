package com.couponplatform.admin;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import com.couponplatform.secret.MissingSecretException;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * coupon-admin refuses to start without a strong enough admin password.
 */
@RealServices
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
		// Explicitly empty when absent, so that a secret in the developer's environment
		// cannot leak in.
		var context = SpringApplication.run(CouponAdminApplication.class,
				TestServices.commandLine("coupon.admin.password=" + ((password != null) ? password : "")));
		context.close();
		assertThat(context).as("the context should not have started").isNull();
	}

}
