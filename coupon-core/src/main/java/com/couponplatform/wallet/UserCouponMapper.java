package com.couponplatform.wallet;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Reads {@code user_coupon}; a user's statements carry {@code user_id}, so ShardingSphere
 * routes them to exactly one physical table. Writes go through the gateway
 * ({@code com.couponplatform.gateway}) alone.
 */
@Mapper
public interface UserCouponMapper {

	String COLUMNS = "id, user_id, template_id, status, type, discount_amount, threshold_amount, percent_off, "
			+ "max_discount_amount, valid_from, valid_until, claimed_at, origin, origin_ref, claim_slot, updated_at";

	@Select("SELECT " + COLUMNS + " FROM user_coupon WHERE user_id = #{userId} AND id = #{id}")
	UserCouponRow findById(@Param("userId") long userId, @Param("id") long id);

	@Select("SELECT " + COLUMNS + " FROM user_coupon WHERE user_id = #{userId} AND origin = #{origin} "
			+ "AND origin_ref = #{originRef}")
	List<UserCouponRow> findByOrigin(@Param("userId") long userId, @Param("origin") String origin,
			@Param("originRef") String originRef);

	@Select("SELECT COUNT(*) FROM user_coupon WHERE user_id = #{userId} AND template_id = #{templateId} "
			+ "AND claim_slot IS NOT NULL")
	int countClaims(@Param("userId") long userId, @Param("templateId") long templateId);

	/**
	 * A template's coupons in every shard (a scatter-gather over every table, by the
	 * template index): "issued" as the rows say it, for reconciliation.
	 * @param templateId the template
	 * @return the number of coupon rows
	 */
	@Select("SELECT COUNT(*) FROM user_coupon WHERE template_id = #{templateId}")
	long countByTemplate(@Param("templateId") long templateId);

	/**
	 * One page of a user's coupons, newest first, keyset-paged by ID.
	 * @param userId the owner
	 * @param beforeId only coupons with a lower ID ({@code Long.MAX_VALUE} for the first
	 * page)
	 * @param status a status filter as the reader sees it, or {@code null} for all
	 * @param now the reading instant, to tell UNUSED from past-due
	 * @param limit page size
	 * @return the page's rows
	 */
	@Select("<script>SELECT " + COLUMNS
			+ """
					 FROM user_coupon WHERE user_id = #{userId} AND id &lt; #{beforeId}
					<if test="status == 'UNUSED'"> AND status = 'UNUSED' AND valid_until &gt; #{now}</if>
					<if test="status == 'EXPIRED'"> AND (status = 'EXPIRED' OR (status = 'UNUSED' AND valid_until &lt;= #{now}))</if>
					<if test="status == 'LOCKED' or status == 'USED' or status == 'REVOKED'"> AND status = #{status}</if>
					ORDER BY id DESC LIMIT #{limit}
					</script>
					""")
	List<UserCouponRow> findPage(@Param("userId") long userId, @Param("beforeId") long beforeId,
			@Param("status") String status, @Param("now") Instant now, @Param("limit") int limit);

	/**
	 * The coupons a cart quote considers: every UNUSED or LOCKED coupon of the user,
	 * newest first (past-due UNUSED ones included, so the quote can say EXPIRED).
	 * @param userId the owner
	 * @param limit the most rows to read
	 * @return the rows
	 */
	@Select("SELECT " + COLUMNS + " FROM user_coupon WHERE user_id = #{userId} AND status IN ('UNUSED', 'LOCKED') "
			+ "ORDER BY id DESC LIMIT #{limit}")
	List<UserCouponRow> findOpen(@Param("userId") long userId, @Param("limit") int limit);

}
