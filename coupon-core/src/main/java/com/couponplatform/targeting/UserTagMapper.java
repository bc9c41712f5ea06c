package com.couponplatform.targeting;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Reads and writes {@code user_tag} in the user's shard.
 */
@Mapper
interface UserTagMapper {

	@Select("SELECT tag FROM user_tag WHERE user_id = #{userId}")
	List<String> findTags(@Param("userId") long userId);

	@Delete("DELETE FROM user_tag WHERE user_id = #{userId}")
	int deleteTags(@Param("userId") long userId);

	@Insert("INSERT INTO user_tag (user_id, tag, updated_at) VALUES (#{userId}, #{tag}, #{now})")
	void insert(@Param("userId") long userId, @Param("tag") String tag, @Param("now") Instant now);

}
