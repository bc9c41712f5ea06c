package com.couponplatform.template;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Reads and writes {@code coupon_template} in the global database.
 */
@Mapper
public interface TemplateMapper {

	@Insert("""
			INSERT INTO coupon_template (id, name, type, discount_amount, threshold_amount, percent_off,
			  max_discount_amount, total_stock, issued, per_user_limit, claim_start, claim_end, validity_type,
			  valid_from, valid_until, valid_days, scope_json, targeting, tag_fallback, refundable, status, version,
			  created_by, created_at, updated_at)
			VALUES (#{id}, #{name}, #{type}, #{discountAmount}, #{thresholdAmount}, #{percentOff},
			  #{maxDiscountAmount}, #{totalStock}, #{issued}, #{perUserLimit}, #{claimStart}, #{claimEnd},
			  #{validityType}, #{validFrom}, #{validUntil}, #{validDays}, #{scopeJson}, #{targeting}, #{tagFallback},
			  #{refundable}, #{status}, #{version},
			  #{createdBy}, #{createdAt}, #{updatedAt})
			""")
	void insert(TemplateRow row);

	@Select("SELECT * FROM coupon_template WHERE id = #{id}")
	TemplateRow findById(@Param("id") long id);

	/** Only for a migration's copy being taken back (LegacyTemplateCopies). */
	@Delete("DELETE FROM coupon_template WHERE id = #{id}")
	int deleteById(@Param("id") long id);

	@Select("""
			<script>
			SELECT * FROM coupon_template WHERE id &lt; #{beforeId}
			<if test="status != null"> AND status = #{status}</if>
			ORDER BY id DESC LIMIT #{limit}
			</script>
			""")
	List<TemplateRow> findPage(@Param("status") String status, @Param("beforeId") long beforeId,
			@Param("limit") int limit);

	@Update("""
			UPDATE coupon_template SET status = #{to}, version = version + 1, updated_at = #{now}
			WHERE id = #{id} AND status = #{from} AND version = #{version}
			""")
	int updateStatus(@Param("id") long id, @Param("from") String from, @Param("to") String to,
			@Param("version") int version, @Param("now") Instant now);

	/**
	 * Replaces a template's editable fields if it is still at the version read; stock
	 * taken, status and creation stay as they are.
	 * @param row the new revision
	 * @param expectedVersion the version the change was based on
	 * @return 1 when updated, 0 when the template changed meanwhile
	 */
	@Update("""
			UPDATE coupon_template SET name = #{row.name}, type = #{row.type}, discount_amount = #{row.discountAmount},
			  threshold_amount = #{row.thresholdAmount}, percent_off = #{row.percentOff},
			  max_discount_amount = #{row.maxDiscountAmount}, total_stock = #{row.totalStock},
			  per_user_limit = #{row.perUserLimit}, claim_start = #{row.claimStart}, claim_end = #{row.claimEnd},
			  validity_type = #{row.validityType}, valid_from = #{row.validFrom}, valid_until = #{row.validUntil},
			  valid_days = #{row.validDays}, scope_json = #{row.scopeJson}, targeting = #{row.targeting},
			  tag_fallback = #{row.tagFallback}, refundable = #{row.refundable}, version = version + 1,
			  updated_at = #{row.updatedAt}
			WHERE id = #{row.id} AND version = #{expectedVersion}
			""")
	int update(@Param("row") TemplateRow row, @Param("expectedVersion") int expectedVersion);

}
