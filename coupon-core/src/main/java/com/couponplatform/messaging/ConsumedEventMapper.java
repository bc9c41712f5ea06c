package com.couponplatform.messaging;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * {@code consumed_event} in the global database: which consumer applied which event.
 */
@Mapper
interface ConsumedEventMapper {

	/**
	 * Records that a consumer applied an event.
	 * @return 1 the first time, 0 when the event was applied before
	 */
	@Insert("INSERT IGNORE INTO consumed_event (consumer, event_id, consumed_at) VALUES (#{consumer}, #{eventId}, #{now})")
	int markConsumed(@Param("consumer") String consumer, @Param("eventId") long eventId, @Param("now") Instant now);

}
