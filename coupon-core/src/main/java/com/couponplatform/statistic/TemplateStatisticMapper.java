package com.couponplatform.statistic;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The statistics tables of the global database and the consumer's record of applied
 * events.
 */
@Mapper
interface TemplateStatisticMapper {

	/**
	 * Records that a consumer applied an event.
	 * @return 1 the first time, 0 when the event was applied before
	 */
	@Insert("INSERT IGNORE INTO consumed_event (consumer, event_id, consumed_at) VALUES (#{consumer}, #{eventId}, #{now})")
	int markConsumed(@Param("consumer") String consumer, @Param("eventId") long eventId, @Param("now") Instant now);

	@Insert("""
			INSERT INTO template_statistic (template_id, issued_count, updated_at) VALUES (#{templateId}, 1, #{now})
			ON DUPLICATE KEY UPDATE issued_count = issued_count + 1, updated_at = #{now}
			""")
	void incrementIssued(@Param("templateId") long templateId, @Param("now") Instant now);

	@Select("SELECT template_id, issued_count AS issued, updated_at FROM template_statistic WHERE template_id = #{templateId}")
	TemplateStatistic find(@Param("templateId") long templateId);

}
