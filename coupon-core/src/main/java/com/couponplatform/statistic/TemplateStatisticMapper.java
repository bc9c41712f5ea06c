package com.couponplatform.statistic;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The statistics tables of the global database.
 */
@Mapper
interface TemplateStatisticMapper {

	@Insert("""
			INSERT INTO template_statistic (template_id, issued_count, unused_count, updated_at)
			VALUES (#{templateId}, 1, 1, #{now})
			ON DUPLICATE KEY UPDATE issued_count = issued_count + 1, unused_count = unused_count + 1, updated_at = #{now}
			""")
	void incrementIssued(@Param("templateId") long templateId, @Param("now") Instant now);

	@Insert("""
			INSERT INTO template_statistic (template_id, issued_count, unused_count, updated_at)
			VALUES (#{templateId}, #{count}, #{count}, #{now})
			ON DUPLICATE KEY UPDATE issued_count = issued_count + #{count}, unused_count = unused_count + #{count},
			  updated_at = #{now}
			""")
	void addIssued(@Param("templateId") long templateId, @Param("count") long count, @Param("now") Instant now);

	/**
	 * Moves coupons between status counters.
	 * @param deltas the change of each counter
	 */
	@Insert("""
			INSERT INTO template_statistic (template_id, unused_count, locked_count, used_count, expired_count,
			  refunded_count, updated_at)
			VALUES (#{templateId}, #{d.unused}, #{d.locked}, #{d.used}, #{d.expired}, #{d.refunded}, #{now})
			ON DUPLICATE KEY UPDATE unused_count = unused_count + #{d.unused}, locked_count = locked_count + #{d.locked},
			  used_count = used_count + #{d.used}, expired_count = expired_count + #{d.expired},
			  refunded_count = refunded_count + #{d.refunded}, updated_at = #{now}
			""")
	void apply(@Param("templateId") long templateId, @Param("d") StatusDeltas deltas, @Param("now") Instant now);

	@Select("""
			SELECT template_id, issued_count AS issued, unused_count AS unused, locked_count AS locked, used_count AS used,
			  expired_count AS expired, refunded_count AS refunded, updated_at
			FROM template_statistic WHERE template_id = #{templateId}
			""")
	TemplateStatistic find(@Param("templateId") long templateId);

}
