package com.couponplatform.issuance;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.stock.TemplateStock;

/**
 * An operator pauses, resumes or cancels a job. Pausing stops the publisher (messages
 * already sent are still written); cancelling also takes back every target no writer has
 * taken yet and gives their units back to the template's stock, in one transaction that
 * holds the job's row, so no writer can take a target the cancellation counted.
 */
@Service
public class ControlIssuanceJob {

	private final IssuanceJobMapper jobs;

	private final IssuanceTargetMapper targets;

	private final TemplateStock stock;

	private final Clock clock;

	private final TransactionTemplate transaction;

	ControlIssuanceJob(IssuanceJobMapper jobs, IssuanceTargetMapper targets, TemplateStock stock, Clock clock,
			PlatformTransactionManager transactions) {
		this.jobs = jobs;
		this.targets = targets;
		this.stock = stock;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * @param id the job, PENDING or RUNNING (a paused job answers as it is)
	 * @return the job, PAUSED
	 */
	public IssuanceJob pause(long id) {
		return change(id, (job, now) -> {
			IssuanceStatus status = job.status();
			if (status == IssuanceStatus.PENDING || status == IssuanceStatus.RUNNING) {
				this.jobs.move(id, status, IssuanceStatus.PAUSED, now);
			}
			else if (status != IssuanceStatus.PAUSED) {
				throw new IllegalJobTransitionException(id, status, "paused");
			}
		});
	}

	/**
	 * @param id the job, PAUSED (a running or pending job answers as it is)
	 * @return the job, RUNNING again (PENDING if it had not started)
	 */
	public IssuanceJob resume(long id) {
		return change(id, (job, now) -> {
			IssuanceStatus status = job.status();
			if (status == IssuanceStatus.PAUSED) {
				this.jobs.move(id, status, (job.startedAt() != null) ? IssuanceStatus.RUNNING : IssuanceStatus.PENDING,
						now);
			}
			else if (status != IssuanceStatus.PENDING && status != IssuanceStatus.RUNNING) {
				throw new IllegalJobTransitionException(id, status, "resumed");
			}
		});
	}

	/**
	 * Sends every target not yet written again — for messages the broker gave up on (its
	 * dead-letter queue) or lost. Safe at any time: writers skip what is written.
	 * @param id the job, RUNNING or PAUSED (a completed job answers as it is)
	 * @return the job, its publisher starting over from its first unwritten target
	 */
	public IssuanceJob retryFailures(long id) {
		return change(id, (job, now) -> {
			IssuanceStatus status = job.status();
			if (status == IssuanceStatus.RUNNING || status == IssuanceStatus.PAUSED) {
				this.jobs.republish(id, now);
			}
			else if (status != IssuanceStatus.COMPLETED) {
				throw new IllegalJobTransitionException(id, status, "retried");
			}
		});
	}

	/**
	 * @param id the job, not yet COMPLETED (a cancelled job answers as it is)
	 * @return the job, CANCELLED, with the units it gave back
	 */
	public IssuanceJob cancel(long id) {
		IssuanceJob cancelled = change(id, (job, now) -> {
			IssuanceStatus status = job.status();
			if (status == IssuanceStatus.CANCELLED) {
				return;
			}
			if (status == IssuanceStatus.COMPLETED || status == IssuanceStatus.FAILED) {
				throw new IllegalJobTransitionException(id, status, "cancelled");
			}
			long returned = this.targets.cancelPending(id);
			if (returned > 0 && !this.stock.returnReserved(job.templateId(), returned, now)) {
				throw new IllegalStateException(
						"Template " + job.templateId() + " cannot take back " + returned + " units of job " + id);
			}
			this.jobs.cancelled(id, returned, now);
		});
		return cancelled;
	}

	private IssuanceJob change(long id, Transition transition) {
		this.transaction.executeWithoutResult((tx) -> {
			IssuanceJob job = this.jobs.lockForChange(id);
			if (job == null || job.status() == IssuanceStatus.PREPARING) {
				throw new IssuanceJobNotFoundException(id);
			}
			transition.apply(job, this.clock.instant());
		});
		return this.jobs.find(id);
	}

	private interface Transition {

		/**
		 * @param job the job as locked
		 * @param now the instant of the change
		 */
		void apply(IssuanceJob job, Instant now);

	}

}
