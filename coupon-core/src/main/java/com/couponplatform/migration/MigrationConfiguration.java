package com.couponplatform.migration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process's view of the migration. Until the phase machine is stored, a process knows
 * no legacy database and acts in phase NONE. (A test replaces the bean with a
 * {@code @Primary} one to move the epoch under a running write.)
 */
@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {

	@Bean
	MigrationEpochs migrationEpochs() {
		return new NoMigration();
	}

	@Bean
	BackOfficeFreeze backOfficeFreeze(MigrationEpochs epochs) {
		return () -> epochs.current().phase().freezesBackOffice();
	}

}
