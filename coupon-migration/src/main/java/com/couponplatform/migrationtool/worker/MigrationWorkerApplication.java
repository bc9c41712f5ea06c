package com.couponplatform.migrationtool.worker;

import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The worker process (decision 4): every process of the platform polls the phase and
 * acknowledges its epoch; this one also executes the transitions the console and the CLI
 * record. It is the platform's core without HTTP: it serves no user and consumes no topic
 * (the api and admin processes do). It runs until it is stopped: SIGTERM stops it
 * cleanly; after SIGKILL the next worker takes its transition over once its lease has
 * expired.
 */
// Not a @SpringBootConfiguration: the api and admin applications scan com.couponplatform,
// and a configuration class here would bring the worker's scan into theirs (in tests that
// run a worker beside them).
@EnableAutoConfiguration
@ComponentScan(basePackages = "com.couponplatform", excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "com\\.couponplatform\\.(api|admin)\\..*"))
public class MigrationWorkerApplication {

	/**
	 * The JSON the core writes (its outbox's events) as the HTTP services write it:
	 * Spring Boot builds the services' mapper from spring-web, which the worker does
	 * without.
	 * @return the mapper
	 */
	@Bean
	@ConditionalOnMissingBean
	ObjectMapper objectMapper() {
		return JsonMapper.builder()
			.findAndAddModules()
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	/**
	 * Starts a worker.
	 * @param args Spring Boot's arguments ({@code --name=value}), over the environment
	 * @return the running worker's context
	 */
	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(MigrationWorkerApplication.class).web(WebApplicationType.NONE)
			// Defaults: the environment and the arguments win.
			.properties("spring.application.name=coupon-migration", "spring.main.banner-mode=off",
					"coupon.migration.worker=true", "coupon.issuance.enabled=false",
					"coupon.statistics.consumer.enabled=false", "coupon.code-batches.enabled=false",
					"coupon.messaging.relay.enabled=false")
			.run(args);
	}

	/**
	 * Runs a worker until its context closes (the JVM's shutdown closes it).
	 * @param args Spring Boot's arguments
	 */
	public static void runUntilStopped(String... args) {
		CountDownLatch closed = new CountDownLatch(1);
		ConfigurableApplicationContext context = start(args);
		context.addApplicationListener((event) -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		try {
			// Its threads are daemons: the process lives as long as the context does.
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			context.close();
		}
	}

}
