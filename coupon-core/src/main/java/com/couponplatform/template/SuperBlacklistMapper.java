package com.couponplatform.template;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Reads and writes {@code sku_super_blacklist} in the global database.
 */
@Mapper
interface SuperBlacklistMapper {

	@Select("SELECT sku_id FROM sku_super_blacklist")
	List<String> findAll();

	@Select("SELECT sku_id, reason, created_by, created_at FROM sku_super_blacklist ORDER BY sku_id")
	List<BlacklistedSku> findEntries();

	@Insert("""
			INSERT INTO sku_super_blacklist (sku_id, reason, created_by, created_at)
			VALUES (#{skuId}, #{reason}, #{actor}, #{now})
			ON DUPLICATE KEY UPDATE reason = VALUES(reason)
			""")
	void upsert(@Param("skuId") String skuId, @Param("reason") String reason, @Param("actor") String actor,
			@Param("now") Instant now);

	@Delete("DELETE FROM sku_super_blacklist WHERE sku_id = #{skuId}")
	int delete(@Param("skuId") String skuId);

}
