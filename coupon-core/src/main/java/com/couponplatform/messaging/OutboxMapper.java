package com.couponplatform.messaging;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Appends events to {@code outbox_event} in the user's shard database, inside the
 * caller's transaction.
 */
@Mapper
interface OutboxMapper {

	@Insert("""
			INSERT INTO outbox_event (id, user_id, topic, event_type, message_key, payload, created_at)
			VALUES (#{id}, #{userId}, #{topic}, #{eventType}, #{messageKey}, #{payload}, NOW(3))
			""")
	void insert(@Param("id") long id, @Param("userId") long userId, @Param("topic") String topic,
			@Param("eventType") String eventType, @Param("messageKey") String messageKey,
			@Param("payload") String payload);

}
