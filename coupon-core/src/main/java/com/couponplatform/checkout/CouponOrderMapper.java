package com.couponplatform.checkout;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Reads and writes {@code coupon_order}; every statement carries {@code user_id}, so it
 * runs in the user's shard, in the same local transaction as the coupon's row.
 */
@Mapper
interface CouponOrderMapper {

	String COLUMNS = "user_id, order_id, coupon_id, template_id, status, order_amount, coupon_returned, locked_at, "
			+ "lock_expires_at, updated_at";

	/**
	 * Claims the order for a coupon.
	 * @return 1 when the order is new; 0 when it already exists (after waiting for a
	 * concurrent insert of the same order to commit or roll back)
	 */
	@Insert("INSERT IGNORE INTO coupon_order (" + COLUMNS + ") VALUES (#{userId}, #{orderId}, #{couponId}, "
			+ "#{templateId}, 'LOCKED', #{orderAmount}, NULL, #{now}, #{expiresAt}, #{now})")
	int insertLocked(@Param("userId") long userId, @Param("orderId") String orderId, @Param("couponId") long couponId,
			@Param("templateId") long templateId, @Param("orderAmount") long orderAmount, @Param("now") Instant now,
			@Param("expiresAt") Instant expiresAt);

	/** The order's row, locked until the transaction ends. */
	@Select("SELECT " + COLUMNS + " FROM coupon_order WHERE user_id = #{userId} AND order_id = #{orderId} FOR UPDATE")
	CouponOrder findForUpdate(@Param("userId") long userId, @Param("orderId") String orderId);

	/** A released order locks a coupon again (the same or another). */
	@Update("UPDATE coupon_order SET status = 'LOCKED', coupon_id = #{couponId}, template_id = #{templateId}, "
			+ "order_amount = #{orderAmount}, coupon_returned = NULL, locked_at = #{now}, lock_expires_at = #{expiresAt}, "
			+ "updated_at = #{now} WHERE user_id = #{userId} AND order_id = #{orderId} AND status = 'RELEASED'")
	int relock(@Param("userId") long userId, @Param("orderId") String orderId, @Param("couponId") long couponId,
			@Param("templateId") long templateId, @Param("orderAmount") long orderAmount, @Param("now") Instant now,
			@Param("expiresAt") Instant expiresAt);

	@Update("UPDATE coupon_order SET status = #{to}, coupon_returned = #{couponReturned}, updated_at = #{now} "
			+ "WHERE user_id = #{userId} AND order_id = #{orderId} AND status = #{from}")
	int move(@Param("userId") long userId, @Param("orderId") String orderId, @Param("from") CouponOrderStatus from,
			@Param("to") CouponOrderStatus to, @Param("couponReturned") Boolean couponReturned,
			@Param("now") Instant now);

}
