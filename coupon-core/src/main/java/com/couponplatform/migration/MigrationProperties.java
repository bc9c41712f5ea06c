package com.couponplatform.migration;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the migration's processes keep in step ({@code COUPON_MIGRATION_*},
 * docs/configuration.md).
 */
@ConfigurationProperties("coupon.migration")
public class MigrationProperties {

	/**
	 * How often every process reads the phase and acknowledges its epoch (decision 3).
	 */
	private Duration poll = Duration.ofMillis(250);

	/**
	 * How long a process that has stopped acknowledging is still waited for; a process
	 * that has not read the phase for half of it refuses writes.
	 */
	private Duration processLease = Duration.ofSeconds(3);

	/**
	 * How long the worker watches OLD's coupon tables for changes its journal does not
	 * explain before the gateway counts as OLD's only writer (SINGLE_WRITE_OLD).
	 */
	private Duration singleWriterWindow = Duration.ofMinutes(5);

	/** How long a worker holds a running transition without renewing it. */
	private Duration transitionLease = Duration.ofSeconds(10);

	/**
	 * Whether this process executes transitions: the worker ({@code migrate.sh worker}).
	 */
	private boolean worker;

	/**
	 * A named fault point where the worker stops dead, for tests that SIGKILL it there;
	 * unset in production.
	 */
	private String pauseAt;

	/**
	 * @return how this worker process names itself where it holds a lease (a transition,
	 * a backfill range, a verification run)
	 */
	public static String workerName() {
		return "coupon-migration@" + ManagementFactory.getRuntimeMXBean().getName();
	}

	public Duration getPoll() {
		return this.poll;
	}

	public void setPoll(Duration poll) {
		this.poll = poll;
	}

	public Duration getProcessLease() {
		return this.processLease;
	}

	public void setProcessLease(Duration processLease) {
		this.processLease = processLease;
	}

	public Duration getSingleWriterWindow() {
		return this.singleWriterWindow;
	}

	public void setSingleWriterWindow(Duration singleWriterWindow) {
		this.singleWriterWindow = singleWriterWindow;
	}

	public Duration getTransitionLease() {
		return this.transitionLease;
	}

	public void setTransitionLease(Duration transitionLease) {
		this.transitionLease = transitionLease;
	}

	public String getPauseAt() {
		return this.pauseAt;
	}

	public void setPauseAt(String pauseAt) {
		this.pauseAt = pauseAt;
	}

	public boolean isWorker() {
		return this.worker;
	}

	public void setWorker(boolean worker) {
		this.worker = worker;
	}

}
