package com.couponplatform.issuance;

import java.util.List;

import org.springframework.stereotype.Service;

import com.couponplatform.shared.Keyset;
import com.couponplatform.shared.Page;

/**
 * The back office reads a job.
 */
@Service
public class ReadIssuanceJob {

	private static final int PAGE = 1_000;

	private final IssuanceJobMapper jobs;

	private final IssuanceTargetMapper targets;

	ReadIssuanceJob(IssuanceJobMapper jobs, IssuanceTargetMapper targets) {
		this.jobs = jobs;
		this.targets = targets;
	}

	/**
	 * Streams the job's refused input lines in line order, a page at a time, so that a
	 * large file's report never sits in memory.
	 * @param id the job
	 * @param sink receives each line number, its content and the reason
	 * @throws IssuanceJobNotFoundException when there is none
	 */
	public void failures(long id, FailureSink sink) {
		read(id);
		long after = 0;
		while (true) {
			List<IssuanceTargetMapper.Rejection> page = this.targets.findRejections(id, after, PAGE);
			for (IssuanceTargetMapper.Rejection rejection : page) {
				sink.accept(rejection.line(), rejection.content(), rejection.reason());
			}
			if (page.size() < PAGE) {
				return;
			}
			after = page.get(page.size() - 1).line();
		}
	}

	/** Where {@link #failures} writes. */
	public interface FailureSink {

		void accept(long line, String content, String reason);

	}

	/**
	 * The jobs, newest first.
	 * @param cursor the previous page's {@code nextCursor}, or {@code null}
	 * @param limit the page size
	 * @return a page of jobs
	 */
	public Page<IssuanceJob> list(String cursor, int limit) {
		return Keyset.page(this.jobs.findBefore(Keyset.before(cursor), limit + 1), limit, IssuanceJob::id);
	}

	/**
	 * @param id the job
	 * @return the job
	 * @throws IssuanceJobNotFoundException when there is none
	 */
	public IssuanceJob read(long id) {
		IssuanceJob job = this.jobs.find(id);
		if (job == null) {
			throw new IssuanceJobNotFoundException(id);
		}
		return job;
	}

}
