package com.couponplatform.admin;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateStatus;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts sharing Redis and the databases, as two instances would: a
 * change made through one is served by the other's cache.
 */
class TemplateCacheCoherenceIT extends AdminIntegrationTest {

	@Test
	void servesAChangeMadeOnAnotherInstance() throws Exception {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(CouponAdminApplication.class)
			.run(TestServices.commandLine("coupon.admin.password=admin-it-password"))) {
			TemplateCatalog otherCatalog = other.getBean(TemplateCatalog.class);
			String path = call("POST", "/admin/api/v1/templates", OPERATOR, TemplateAdminIT.validTemplate()).location();
			long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
			call("POST", path + "/publish", OPERATOR, "");
			assertThat(otherCatalog.get(id).status()).isEqualTo(TemplateStatus.ACTIVE);

			call("POST", path + "/pause", OPERATOR, "");
			// The propagation time itself is measured by the benchmark; here a generous
			// ceiling.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (otherCatalog.get(id).status() != TemplateStatus.PAUSED && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(otherCatalog.get(id).status()).isEqualTo(TemplateStatus.PAUSED);
			assertThat(otherCatalog.get(id).version()).isEqualTo(2);
		}
	}

}
