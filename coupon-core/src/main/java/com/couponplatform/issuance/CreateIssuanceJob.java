package com.couponplatform.issuance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.gateway.stock.TemplateStock;
import com.couponplatform.identifier.IdGenerator;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardRouter;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.UserId;
import com.couponplatform.targeting.InvalidTagExpressionException;
import com.couponplatform.targeting.TagExpression;
import com.couponplatform.targeting.TagExpressionParser;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.template.TemplateNotActiveException;
import com.couponplatform.template.TemplateStatus;

/**
 * An operator creates an issuance job. The input is read once, streaming, into the job's
 * target rows (repeated users dropped by a unique key, bad lines recorded with their line
 * number); then the job's whole stock is reserved from the template's guarded counter in
 * the same transaction that makes the job runnable — or, when fewer units are left, the
 * job is refused whole and nothing stays behind. Reserving up front means a running job
 * can never run out of stock half way, and claims can never take its units.
 */
@Service
@EnableConfigurationProperties(IssuanceProperties.class)
public class CreateIssuanceJob {

	static final String INVALID_USER_ID = "INVALID_USER_ID";

	private final IssuanceJobMapper jobs;

	private final IssuanceTargetMapper targets;

	private final TemplateCatalog catalog;

	private final TemplateStock stock;

	private final IdGenerator ids;

	private final IssuanceProperties properties;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ShardDataSources dataSources;

	private final ShardRouter router;

	CreateIssuanceJob(IssuanceJobMapper jobs, IssuanceTargetMapper targets, TemplateCatalog catalog,
			TemplateStock stock, IdGenerator ids, IssuanceProperties properties, Clock clock,
			PlatformTransactionManager transactions, ShardDataSources dataSources, ShardRouter router) {
		this.dataSources = dataSources;
		this.router = router;
		this.jobs = jobs;
		this.targets = targets;
		this.catalog = catalog;
		this.stock = stock;
		this.ids = ids;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Creates the job.
	 * @param templateId the template whose coupon to send
	 * @param lines the users, one per line
	 * @param startAt when to start, or {@code null} for at once
	 * @param actor the operator
	 * @return the job, PENDING
	 * @throws InvalidInputException when the input names no valid user
	 * @throws NotEnoughStockException when the template has fewer units left than users
	 */
	public IssuanceJob create(long templateId, TargetLines lines, Instant startAt, String actor) {
		CouponTemplate template = this.catalog.getFresh(templateId);
		if (template.status() != TemplateStatus.ACTIVE) {
			throw new TemplateNotActiveException(templateId, template.status());
		}
		long jobId = this.ids.nextId();
		this.jobs.insertPreparing(jobId, templateId, startAt, actor, this.clock.instant());
		try {
			Intake intake = intake(jobId, lines);
			if (intake.total == 0) {
				throw new InvalidInputException("userIds", "lists no valid user ID");
			}
			this.transaction.executeWithoutResult((status) -> {
				if (!this.stock.reserve(templateId, intake.total, this.clock.instant())) {
					throw new NotEnoughStockException(templateId, intake.total);
				}
				this.jobs.ready(jobId, intake.total, intake.duplicates, intake.rejected, this.clock.instant());
			});
		}
		catch (RuntimeException ex) {
			discard(jobId, ex);
			throw ex;
		}
		return this.jobs.find(jobId);
	}

	/**
	 * Creates a job for the users of the local tag store that match a tag expression.
	 * @param templateId the template whose coupon to send
	 * @param expression the segment, for example {@code vip AND NOT churned}
	 * @param startAt when to start, or {@code null} for at once
	 * @param actor the operator
	 * @return the job, PENDING
	 * @throws InvalidInputException for a malformed expression, or one no user matches
	 */
	public IssuanceJob createForSegment(long templateId, String expression, Instant startAt, String actor) {
		TagExpression parsed;
		try {
			parsed = TagExpressionParser.parse(expression);
		}
		catch (InvalidTagExpressionException ex) {
			throw new InvalidInputException("tagExpression", ex.getMessage());
		}
		return create(templateId, new TagSegmentLines(this.dataSources, this.router.layout(), parsed), startAt, actor);
	}

	private Intake intake(long jobId, TargetLines lines) {
		int batch = this.properties.getIntakeBatch();
		List<IssuanceTargetMapper.Target> pending = new ArrayList<>(batch);
		List<IssuanceTargetMapper.Rejection> rejections = new ArrayList<>();
		Intake intake = new Intake();
		long line = 0;
		long seq = 0;
		while (lines.hasNext()) {
			String text = lines.next();
			line++;
			if (text.isBlank() || (line == 1 && TargetLines.isHeader(text))) {
				continue;
			}
			long userId = UserId.parseOrNegative(text);
			if (userId <= 0) {
				rejections.add(new IssuanceTargetMapper.Rejection(line, cut(text), INVALID_USER_ID));
				intake.rejected++;
				if (rejections.size() == batch) {
					this.targets.reject(jobId, rejections);
					rejections.clear();
				}
				continue;
			}
			pending.add(new IssuanceTargetMapper.Target(++seq, userId));
			if (pending.size() == batch) {
				intake.add(pending.size(), this.targets.insert(jobId, pending));
				pending.clear();
			}
		}
		if (!pending.isEmpty()) {
			intake.add(pending.size(), this.targets.insert(jobId, pending));
		}
		if (!rejections.isEmpty()) {
			this.targets.reject(jobId, rejections);
		}
		return intake;
	}

	/**
	 * Removes what a refused job wrote; a failure to do so must not hide why it failed.
	 */
	private void discard(long jobId, RuntimeException cause) {
		try {
			this.jobs.deleteTargets(jobId);
			this.jobs.deleteRejections(jobId);
			this.jobs.deletePreparing(jobId);
		}
		catch (RuntimeException cleanup) {
			cause.addSuppressed(cleanup);
		}
	}

	private static String cut(String text) {
		return (text.length() <= 128) ? text : text.substring(0, 128);
	}

	/** What the intake read. */
	private static final class Intake {

		long total;

		long duplicates;

		long rejected;

		void add(int sent, int inserted) {
			this.total += inserted;
			this.duplicates += sent - inserted;
		}

	}

}
