package com.couponplatform.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The back-office HTTP service: templates, issuance jobs, code batches and the migration
 * console.
 */
@SpringBootApplication(scanBasePackages = "com.couponplatform")
public class CouponAdminApplication {

	public static void main(String[] args) {
		SpringApplication.run(CouponAdminApplication.class, args);
	}

}
