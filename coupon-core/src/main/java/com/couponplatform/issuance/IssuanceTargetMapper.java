package com.couponplatform.issuance;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * A job's targets and rejected lines, in the global database.
 */
@Mapper
interface IssuanceTargetMapper {

	/**
	 * Adds targets; a user the job already has is skipped by the unique key.
	 * @return how many were new
	 */
	@Insert("""
			<script>INSERT IGNORE INTO issuance_target (job_id, seq, user_id, state) VALUES
			<foreach collection="targets" item="t" separator=",">(#{jobId}, #{t.seq}, #{t.userId}, 'PENDING')</foreach>
			</script>""")
	int insert(@Param("jobId") long jobId, @Param("targets") List<Target> targets);

	@Insert("""
			<script>INSERT IGNORE INTO issuance_rejection (job_id, line, content, reason) VALUES
			<foreach collection="rejections" item="r" separator=",">(#{jobId}, #{r.line}, #{r.content}, #{r.reason})</foreach>
			</script>""")
	int reject(@Param("jobId") long jobId, @Param("rejections") List<Rejection> rejections);

	/** The next targets still to write after a sequence number, in order. */
	@Select("SELECT seq, user_id FROM issuance_target WHERE job_id = #{jobId} AND seq > #{afterSeq} "
			+ "AND state IN ('PENDING', 'WRITING') ORDER BY seq LIMIT #{limit}")
	List<Target> findAfter(@Param("jobId") long jobId, @Param("afterSeq") long afterSeq, @Param("limit") int limit);

	/**
	 * A writer takes targets: PENDING → WRITING (a cancellation can no longer take them
	 * back).
	 */
	@Update("""
			<script>UPDATE issuance_target SET state = 'WRITING' WHERE job_id = #{jobId} AND state = 'PENDING' AND seq IN
			<foreach collection="seqs" item="seq" open="(" separator="," close=")">#{seq}</foreach>
			</script>""")
	int takeForWriting(@Param("jobId") long jobId, @Param("seqs") long[] seqs);

	/**
	 * The targets among these that a writer has taken and not finished (its own, or a
	 * dead one's).
	 */
	@Select("""
			<script>SELECT seq, user_id FROM issuance_target WHERE job_id = #{jobId} AND state = 'WRITING' AND seq IN
			<foreach collection="seqs" item="seq" open="(" separator="," close=")">#{seq}</foreach>
			ORDER BY seq</script>""")
	List<Target> findWriting(@Param("jobId") long jobId, @Param("seqs") long[] seqs);

	/**
	 * Marks targets issued.
	 * @return how many were still WRITING: a redelivered message counts nothing twice
	 */
	@Update("""
			<script>UPDATE issuance_target SET state = 'ISSUED' WHERE job_id = #{jobId} AND state = 'WRITING' AND seq IN
			<foreach collection="seqs" item="seq" open="(" separator="," close=")">#{seq}</foreach>
			</script>""")
	int markIssued(@Param("jobId") long jobId, @Param("seqs") long[] seqs);

	/**
	 * Cancels every target no writer has taken.
	 * @return how many: the units to give back
	 */
	@Update("UPDATE issuance_target SET state = 'CANCELLED' WHERE job_id = #{jobId} AND state = 'PENDING'")
	long cancelPending(@Param("jobId") long jobId);

	/** A page of the job's refused lines, in line order after the given line. */
	@Select("SELECT line, content, reason FROM issuance_rejection WHERE job_id = #{jobId} AND line > #{afterLine} "
			+ "ORDER BY line LIMIT #{limit}")
	List<Rejection> findRejections(@Param("jobId") long jobId, @Param("afterLine") long afterLine,
			@Param("limit") int limit);

	/**
	 * One user of a job.
	 *
	 * @param seq its position among the job's distinct users
	 * @param userId the user
	 */
	record Target(long seq, long userId) {
	}

	/**
	 * One refused input line.
	 *
	 * @param line its line number (CSV) or position (JSON), from 1
	 * @param content the line as read, cut to 128 characters
	 * @param reason why
	 */
	record Rejection(long line, String content, String reason) {
	}

}
