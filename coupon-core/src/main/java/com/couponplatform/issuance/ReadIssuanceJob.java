package com.couponplatform.issuance;

import org.springframework.stereotype.Service;

/**
 * The back office reads a job.
 */
@Service
public class ReadIssuanceJob {

	private final IssuanceJobMapper jobs;

	ReadIssuanceJob(IssuanceJobMapper jobs) {
		this.jobs = jobs;
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
