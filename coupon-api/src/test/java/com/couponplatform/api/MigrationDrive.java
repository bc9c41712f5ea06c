package com.couponplatform.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.couponplatform.migration.Phase;
import com.couponplatform.migrationtool.worker.MigrationWorkerApplication;
import com.couponplatform.phasemachine.ReadMigration;
import com.couponplatform.phasemachine.RequestTransition;
import com.couponplatform.phasemachine.Transition;
import com.couponplatform.phasemachine.TransitionStatus;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the migration's api tests do to drive it: walk the phases through the use cases
 * the console uses, start a worker (in this JVM, or its arguments for a child), and wait.
 *
 * @param requests the transitions' use case
 * @param reads the migration's state
 */
record MigrationDrive(RequestTransition requests, ReadMigration reads) {

	/**
	 * Walks one transition at a time to a phase, each DONE before the next.
	 * @param target the phase
	 */
	void walkTo(Phase target) {
		Phase phase = this.reads.read().phase();
		while (phase != target) {
			Phase to = (target.compareTo(phase) > 0) ? phase.next().orElseThrow() : phase.rollback().orElseThrow();
			Transition requested = this.requests.request(to, phase, "it");
			until(() -> this.requests.read(requested.id()).status() != TransitionStatus.RUNNING);
			Transition done = this.requests.read(requested.id());
			assertThat(done.status()).as(done.detail()).isEqualTo(TransitionStatus.DONE);
			phase = to;
		}
	}

	/** Waits until OLD's changes are all applied to NEW. */
	void awaitDrained() {
		until(() -> this.reads.read().replication().toNew().pending() == 0);
	}

	/**
	 * Waits up to two minutes for a condition, and fails the test past it.
	 * @param condition the condition
	 */
	static void until(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited two minutes").isLessThan(deadline);
			sleep(100);
		}
	}

	/**
	 * The api's properties in a test of a migration of its own: the test's databases, its
	 * mall, and settings shared with its workers.
	 * @param registry the context's properties
	 * @param prefix the test's prefix
	 * @param mall the legacy database
	 * @param settings {@code name=value} settings
	 */
	static void register(DynamicPropertyRegistry registry, String prefix, String mall, String... settings) {
		ApiIntegrationTest.register(registry, prefix);
		registry.add("coupon.legacy.db.name", () -> mall);
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			registry.add(setting.substring(0, equals), () -> setting.substring(equals + 1));
		}
	}

	/**
	 * @return coupon-api's answer to a POST with a bearer token
	 */
	static Answer post(int port, String path, String token, String body) {
		return new TestHttp(port).call("POST", path, "Bearer " + token, body);
	}

	/**
	 * A worker's arguments over a test's databases and mall.
	 * @param prefix the test's prefix
	 * @param mall the legacy database
	 * @param settings {@code name=value} settings, without the dashes
	 * @return {@code --name=value} arguments
	 */
	static List<String> workerArguments(String prefix, String mall, String... settings) {
		List<String> args = new ArrayList<>();
		TestServices.springProperties(prefix).forEach((key, value) -> args.add("--" + key + "=" + value));
		args.add("--coupon.legacy.db.name=" + mall);
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return args;
	}

	/**
	 * Starts a worker in this JVM.
	 * @return its context
	 */
	static ConfigurableApplicationContext startWorker(String prefix, String mall, String... settings) {
		return MigrationWorkerApplication.start(workerArguments(prefix, mall, settings).toArray(String[]::new));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
