package com.couponplatform.redemption;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * {@code redemption_request}, in the user's shard: which code a request ID was first sent
 * with.
 */
@Mapper
interface RedemptionRequestMapper {

	@Insert("INSERT IGNORE INTO redemption_request (user_id, request_id, code, created_at) "
			+ "VALUES (#{userId}, #{requestId}, #{code}, #{now})")
	int bind(@Param("userId") long userId, @Param("requestId") String requestId, @Param("code") String code,
			@Param("now") Instant now);

	@Select("SELECT code FROM redemption_request WHERE user_id = #{userId} AND request_id = #{requestId}")
	String findCode(@Param("userId") long userId, @Param("requestId") String requestId);

}
