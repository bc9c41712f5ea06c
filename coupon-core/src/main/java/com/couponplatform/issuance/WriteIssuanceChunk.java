package com.couponplatform.issuance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.persistence.LocalTransaction;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.statistic.CountIssuedCoupons;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.DiscountRule;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.Validity;
import com.couponplatform.time.BusinessTime;
import com.couponplatform.wallet.CouponOrigin;

/**
 * Writes one chunk of a job in three steps: takes its targets (PENDING → WRITING, in a
 * global transaction that a cancellation cannot overlap); writes their coupons as one
 * multi-row {@code INSERT IGNORE} per physical table, straight into the tables the
 * project's routing function names (ShardingSphere would route and rewrite every row of a
 * batch on its own), one local transaction per shard database and none across messages;
 * then, in one global transaction, moves them WRITING → ISSUED and the job's and the
 * template's counters by exactly the number that moved.
 *
 * <p>
 * Exactly one coupon per job and user: the coupon's unique key (user, ISSUANCE, job)
 * drops a second insert, whether the message came twice or the process died between the
 * steps (the redelivery finds the targets WRITING and finishes them); the counters cannot
 * count twice because only WRITING targets move to ISSUED.
 */
@Service
public class WriteIssuanceChunk {

	private static final String COLUMNS = "id, user_id, template_id, status, type, discount_amount, threshold_amount, "
			+ "percent_off, max_discount_amount, valid_from, valid_until, claimed_at, origin, origin_ref, claim_slot, "
			+ "updated_at";

	private static final String ROW = "(?, ?, ?, 'UNUSED', ?, ?, ?, ?, ?, ?, ?, ?, '" + CouponOrigin.ISSUANCE.name()
			+ "', ?, NULL, ?)";

	private final ShardDataSources dataSources;

	private final ShardRouter router;

	private final TemplateCatalog catalog;

	private final IdGenerator ids;

	private final BusinessTime time;

	private final Clock clock;

	private final IssuanceTargetMapper targets;

	private final IssuanceJobMapper jobs;

	private final CountIssuedCoupons statistics;

	private final TransactionTemplate transaction;

	WriteIssuanceChunk(ShardDataSources dataSources, ShardRouter router, TemplateCatalog catalog, IdGenerator ids,
			BusinessTime time, Clock clock, IssuanceTargetMapper targets, IssuanceJobMapper jobs,
			CountIssuedCoupons statistics, PlatformTransactionManager transactions) {
		this.dataSources = dataSources;
		this.router = router;
		this.catalog = catalog;
		this.ids = ids;
		this.time = time;
		this.clock = clock;
		this.targets = targets;
		this.jobs = jobs;
		this.statistics = statistics;
		this.transaction = new TransactionTemplate(transactions);
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
		return (moved != null) ? moved : 0;
	}

	private void insertCoupons(long jobId, List<IssuanceTargetMapper.Target> writing, CouponTemplate template,
			Instant now) {
		// Shard database → physical table → users.
		Map<Integer, Map<ShardLocation, List<Long>>> byDatabase = new TreeMap<>();
		for (IssuanceTargetMapper.Target target : writing) {
			ShardLocation location = this.router.locateUser(target.userId());
			byDatabase
				.computeIfAbsent(location.database(),
						(db) -> new TreeMap<>((x, y) -> Integer.compare(x.table(), y.table())))
				.computeIfAbsent(location, (table) -> new ArrayList<>())
				.add(target.userId());
		}
		Validity.Window window = template.validity().windowFor(now, this.time.zone());
		for (Map.Entry<Integer, Map<ShardLocation, List<Long>>> database : byDatabase.entrySet()) {
			try {
				LocalTransaction.run(this.dataSources.shard(database.getKey()), (connection) -> {
					for (Map.Entry<ShardLocation, List<Long>> table : database.getValue().entrySet()) {
						insert(connection, table.getKey().physicalTable("user_coupon"), table.getValue(), template,
								jobId, window, now);
					}
					return null;
				});
			}
			catch (SQLException ex) {
				throw new UncategorizedSQLException("writing issuance job " + jobId, null, ex);
			}
		}
	}

	private void insert(Connection connection, String table, List<Long> users, CouponTemplate template, long jobId,
			Validity.Window window, Instant now) throws SQLException {
		String sql = "INSERT IGNORE INTO " + table + " (" + COLUMNS + ") VALUES "
				+ String.join(", ", Collections.nCopies(users.size(), ROW));
		DiscountRule rule = template.rule();
		Timestamp from = Timestamp.from(window.from());
		Timestamp until = Timestamp.from(window.until());
		Timestamp at = Timestamp.from(now);
		String ref = Long.toString(jobId);
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			int p = 1;
			for (long userId : users) {
				insert.setLong(p++, this.ids.nextId());
				insert.setLong(p++, userId);
				insert.setLong(p++, template.id());
				insert.setString(p++, rule.type().name());
				insert.setObject(p++, rule.discountAmount());
				insert.setObject(p++, rule.thresholdAmount());
				insert.setObject(p++, rule.percentOff());
				insert.setObject(p++, rule.maxDiscountAmount());
				insert.setTimestamp(p++, from);
				insert.setTimestamp(p++, until);
				insert.setTimestamp(p++, at);
				insert.setString(p++, ref);
				insert.setTimestamp(p++, at);
			}
			insert.executeUpdate();
		}
	}

}
