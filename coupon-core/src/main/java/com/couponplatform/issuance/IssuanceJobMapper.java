package com.couponplatform.issuance;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The job tables of the global database.
 */
@Mapper
interface IssuanceJobMapper {

	/** In the order of {@link IssuanceJob}'s components. */
	String COLUMNS = "id, template_id, status, total, duplicates, rejected, reserved, returned, published, "
			+ "processed, issued, failed, start_at, created_by, created_at, started_at, finished_at, updated_at";

	@Insert("INSERT INTO issuance_job (id, template_id, status, start_at, created_by, created_at, updated_at) "
			+ "VALUES (#{id}, #{templateId}, 'PREPARING', #{startAt}, #{createdBy}, #{now}, #{now})")
	void insertPreparing(@Param("id") long id, @Param("templateId") long templateId, @Param("startAt") Instant startAt,
			@Param("createdBy") String createdBy, @Param("now") Instant now);

	@Select("SELECT " + COLUMNS + " FROM issuance_job WHERE id = #{id}")
	IssuanceJob find(@Param("id") long id);

	/** Jobs below an ID, newest first; a job still being created is not listed yet. */
	@Select("SELECT " + COLUMNS + " FROM issuance_job WHERE id < #{before} AND status <> 'PREPARING' "
			+ "ORDER BY id DESC LIMIT #{limit}")
	List<IssuanceJob> findBefore(@Param("before") long before, @Param("limit") int limit);

	/** The intake's counts, and the job ready to run once its stock is reserved. */
	@Update("UPDATE issuance_job SET status = 'PENDING', total = #{total}, duplicates = #{duplicates}, "
			+ "rejected = #{rejected}, reserved = #{total}, updated_at = #{now} WHERE id = #{id} AND status = 'PREPARING'")
	int ready(@Param("id") long id, @Param("total") long total, @Param("duplicates") long duplicates,
			@Param("rejected") long rejected, @Param("now") Instant now);

	/**
	 * Per status of a job not yet ended: how many jobs, and their targets still to write.
	 */
	@Select("SELECT status, COUNT(*), CAST(COALESCE(SUM(total - processed - failed), 0) AS SIGNED) "
			+ "FROM issuance_job WHERE status IN ('PENDING', 'RUNNING', 'PAUSED') GROUP BY status")
	List<UnfinishedJobs> countUnfinished();

	/**
	 * Jobs of one status and their targets not yet written.
	 *
	 * @param status the status
	 * @param jobs how many jobs
	 * @param remaining their targets neither issued nor failed
	 */
	record UnfinishedJobs(IssuanceStatus status, long jobs, long remaining) {
	}

	/** Jobs the publisher has work for: running, or pending and due. */
	@Select("SELECT id FROM issuance_job WHERE status = 'RUNNING' OR (status = 'PENDING' AND (start_at IS NULL "
			+ "OR start_at <= #{now})) ORDER BY id")
	List<Long> findRunnable(@Param("now") Instant now);

	@Update("UPDATE issuance_job SET status = 'RUNNING', started_at = COALESCE(started_at, #{now}), updated_at = #{now} "
			+ "WHERE id = #{id} AND status = 'PENDING'")
	int start(@Param("id") long id, @Param("now") Instant now);

	@Update("UPDATE issuance_job SET published = #{seq}, updated_at = #{now} WHERE id = #{id} AND published < #{seq}")
	int published(@Param("id") long id, @Param("seq") long seq, @Param("now") Instant now);

	@Update("UPDATE issuance_job SET processed = processed + #{count}, issued = issued + #{count}, updated_at = #{now} "
			+ "WHERE id = #{id}")
	int countIssued(@Param("id") long id, @Param("count") long count, @Param("now") Instant now);

	@Update("UPDATE issuance_job SET status = 'COMPLETED', finished_at = #{now}, updated_at = #{now} "
			+ "WHERE id = #{id} AND status = 'RUNNING' AND processed + failed >= total")
	int completeIfDone(@Param("id") long id, @Param("now") Instant now);

	/**
	 * The job's status, its row locked until the transaction ends: a cancellation holds
	 * it exclusively, a writer taking targets holds it shared, so the two never overlap.
	 */
	@Select("SELECT " + COLUMNS + " FROM issuance_job WHERE id = #{id} FOR UPDATE")
	IssuanceJob lockForChange(@Param("id") long id);

	@Select("SELECT status FROM issuance_job WHERE id = #{id} LOCK IN SHARE MODE")
	IssuanceStatus lockShared(@Param("id") long id);

	@Update("UPDATE issuance_job SET status = #{to}, updated_at = #{now} WHERE id = #{id} AND status = #{from}")
	int move(@Param("id") long id, @Param("from") IssuanceStatus from, @Param("to") IssuanceStatus to,
			@Param("now") Instant now);

	/**
	 * Sends the job's unwritten targets again: the publisher starts over from the first.
	 */
	@Update("UPDATE issuance_job SET published = 0, updated_at = #{now} WHERE id = #{id}")
	int republish(@Param("id") long id, @Param("now") Instant now);

	@Update("UPDATE issuance_job SET status = 'CANCELLED', returned = #{returned}, finished_at = #{now}, "
			+ "updated_at = #{now} WHERE id = #{id}")
	int cancelled(@Param("id") long id, @Param("returned") long returned, @Param("now") Instant now);

	@Delete("DELETE FROM issuance_job WHERE id = #{id} AND status = 'PREPARING'")
	int deletePreparing(@Param("id") long id);

	@Delete("DELETE FROM issuance_target WHERE job_id = #{id}")
	int deleteTargets(@Param("id") long id);

	@Delete("DELETE FROM issuance_rejection WHERE job_id = #{id}")
	int deleteRejections(@Param("id") long id);

}
