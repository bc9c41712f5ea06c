package com.couponplatform.admin;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.couponplatform.migration.BackOfficeFreeze;

/**
 * The back-office freeze as a switch, so that a test can freeze the running service
 * without a legacy database and a phase machine (which decide it in production); off
 * unless a test turns it on, and every test that does turns it off again.
 */
@TestConfiguration(proxyBeanMethods = false)
class SwitchableFreeze {

	static final AtomicBoolean FROZEN = new AtomicBoolean();

	@Bean
	@Primary
	BackOfficeFreeze switchableFreeze() {
		return FROZEN::get;
	}

}
