package com.couponplatform.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The user- and checkout-facing HTTP service: claims, the wallet, redemption and
 * checkout.
 */
@SpringBootApplication(scanBasePackages = "com.couponplatform")
public class CouponApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(CouponApiApplication.class, args);
	}

}
