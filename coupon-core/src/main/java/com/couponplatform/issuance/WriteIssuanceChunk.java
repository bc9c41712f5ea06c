package com.couponplatform.issuance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.CouponGateway;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.statistic.CountIssuedCoupons;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.Validity;
import com.couponplatform.time.BusinessTime;
import com.couponplatform.wallet.CouponOrigin;
import com.couponplatform.wallet.CouponStatus;
import com.couponplatform.wallet.UserCoupon;

/**
 * Writes one chunk of a job in three steps: takes its targets (PENDING → WRITING, in a
 * global transaction that a cancellation cannot overlap); writes their coupons through
 * the gateway's batched form ({@link CouponGateway#issue}: one multi-row
 * {@code INSERT IGNORE} per physical table, one local transaction per shard database and
 * none across messages); then, in one global transaction, moves them WRITING → ISSUED and
 * the job's and the template's counters by exactly the number that moved.
 *
 * <p>
 * Exactly one coupon per job and user: the coupon's unique key (user, ISSUANCE, job)
 * drops a second insert, whether the message came twice or the process died between the
 * steps (the redelivery finds the targets WRITING and finishes them); the counters cannot
 * count twice because only WRITING targets move to ISSUED.
 */
@Service
public class WriteIssuanceChunk {

	private final CouponGateway gateway;

	private final TemplateCatalog catalog;

	private final IdGenerator ids;

	private final BusinessTime time;

	private final Clock clock;

	private final IssuanceTargetMapper targets;

	private final IssuanceJobMapper jobs;

	private final CountIssuedCoupons statistics;

	private final TransactionTemplate transaction;

	private final Counter issued;

	WriteIssuanceChunk(CouponGateway gateway, TemplateCatalog catalog, IdGenerator ids, BusinessTime time, Clock clock,
			IssuanceTargetMapper targets, IssuanceJobMapper jobs, CountIssuedCoupons statistics,
			PlatformTransactionManager transactions, MeterRegistry registry) {
		this.gateway = gateway;
		this.catalog = catalog;
		this.ids = ids;
		this.time = time;
		this.clock = clock;
		this.targets = targets;
		this.jobs = jobs;
		this.statistics = statistics;
		this.transaction = new TransactionTemplate(transactions);
		this.issued = Counter.builder("coupon.issuance.issued")
			.description("Coupons written by issuance jobs (each target counted once)")
			.register(registry);
	}

	/**
	 * Writes the chunk's coupons and counts them.
	 * @param chunk the message
	 * @return how many targets this call moved to ISSUED (0 for a repeated message)
	 */
	public long write(IssuanceChunk chunk) {
		// Take the chunk's targets, unless the job was cancelled first; targets a dead
		// writer took stay WRITING and are finished here.
		this.transaction.executeWithoutResult((status) -> {
			if (this.jobs.lockShared(chunk.jobId()) != IssuanceStatus.CANCELLED) {
				this.targets.takeForWriting(chunk.jobId(), chunk.seqs());
			}
		});
		List<IssuanceTargetMapper.Target> writing = this.targets.findWriting(chunk.jobId(), chunk.seqs());
		if (writing.isEmpty()) {
			return 0;
		}
		CouponTemplate template = this.catalog.get(chunk.templateId());
		Instant now = this.clock.instant();
		insertCoupons(chunk.jobId(), writing, template, now);
		long[] written = writing.stream().mapToLong(IssuanceTargetMapper.Target::seq).toArray();
		Long moved = this.transaction.execute((status) -> {
			// The job's row first, as a cancellation takes it: taking the targets first
			// could deadlock with a cancellation that holds the job and scans them.
			this.jobs.lockForChange(chunk.jobId());
			long count = this.targets.markIssued(chunk.jobId(), written);
			if (count > 0) {
				this.jobs.countIssued(chunk.jobId(), count, now);
				this.statistics.add(chunk.templateId(), count);
			}
			return count;
		});
		long count = (moved != null) ? moved : 0;
		this.issued.increment(count);
		return count;
	}

	private void insertCoupons(long jobId, List<IssuanceTargetMapper.Target> writing, CouponTemplate template,
			Instant now) {
		Validity.Window window = template.validity().windowFor(now, this.time.zone());
		String ref = Long.toString(jobId);
		List<UserCoupon> coupons = new ArrayList<>(writing.size());
		for (IssuanceTargetMapper.Target target : writing) {
			coupons.add(new UserCoupon(this.ids.nextId(), target.userId(), template.id(), CouponStatus.UNUSED,
					template.rule(), window.from(), window.until(), now, CouponOrigin.ISSUANCE, ref));
		}
		this.gateway.issue(coupons);
	}

}
