package com.couponplatform.gateway.stock;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The guarded counter {@code coupon_template.issued}: every statement that moves it, and
 * what reconciliation reads of it. Only {@link TemplateStock} and its group commit use it
 * (an architecture rule says so), so no caller can move stock and forget the Redis gate.
 */
@Mapper
interface StockMapper {

	/**
	 * Takes one unit of stock if the template can be claimed now; the database-side guard
	 * that makes over-issue impossible whatever any cache or Redis believes.
	 * @param id the template ID
	 * @param now the claim instant
	 * @return 1 when a unit was taken, 0 when sold out, not active or outside the claim
	 * window
	 */
	@Update("""
			UPDATE coupon_template SET issued = issued + 1, stock_changed_at = #{now}
			WHERE id = #{id} AND status = 'ACTIVE' AND issued < total_stock
			  AND claim_start <= #{now} AND claim_end > #{now}
			""")
	int takeStock(@Param("id") long id, @Param("now") Instant now);

	/**
	 * Takes several units at once, all or none: {@link #takeStock} for a batch of
	 * concurrent claims.
	 * @param id the template ID
	 * @param units how many
	 * @param now the claim instant
	 * @return 1 when all were taken, 0 when fewer are left or the template cannot be
	 * claimed now
	 */
	@Update("""
			UPDATE coupon_template SET issued = issued + #{units}, stock_changed_at = #{now}
			WHERE id = #{id} AND status = 'ACTIVE' AND issued + #{units} <= total_stock
			  AND claim_start <= #{now} AND claim_end > #{now}
			""")
	int takeStocks(@Param("id") long id, @Param("units") int units, @Param("now") Instant now);

	/**
	 * Reserves units for a back-office issuance job, all or none; the claim window does
	 * not apply (the back office sends coupons when it decides to).
	 * @param id the template ID
	 * @param units how many
	 * @param now the instant of the reservation
	 * @return 1 when all were reserved, 0 when fewer are left or the template is not
	 * active
	 */
	@Update("""
			UPDATE coupon_template SET issued = issued + #{units}, stock_changed_at = #{now}
			WHERE id = #{id} AND status = 'ACTIVE' AND issued + #{units} <= total_stock
			""")
	int reserveStock(@Param("id") long id, @Param("units") long units, @Param("now") Instant now);

	/**
	 * Gives back units an issuance job reserved and will not issue (a cancellation).
	 * @param id the template ID
	 * @param units how many
	 * @param now the instant of the give-back
	 * @return 1 when given back
	 */
	@Update("""
			UPDATE coupon_template SET issued = issued - #{units}, stock_changed_at = #{now}
			WHERE id = #{id} AND issued >= #{units}
			""")
	int returnReserved(@Param("id") long id, @Param("units") long units, @Param("now") Instant now);

	/**
	 * Units issuance jobs and code batches reserved, did not give back and have not
	 * issued yet: part of the guarded counter that has no coupon rows yet by design
	 * (targets still to be written, also those a cancelled job's writers are finishing;
	 * code uses not redeemed nor returned), which reconciliation must not take for a
	 * leak. A batch's redeemed counter moves after its coupon row exists, so it never
	 * makes this figure too small.
	 * @param id the template ID
	 * @return the outstanding units
	 */
	@Select("SELECT (SELECT COALESCE(SUM(reserved - returned - issued), 0) FROM issuance_job WHERE template_id = #{id}) "
			+ "+ (SELECT COALESCE(SUM(reserved - returned - redeemed), 0) FROM code_batch WHERE template_id = #{id})")
	long outstandingReservations(@Param("id") long id);

	/**
	 * Gives back one unit taken by {@link #takeStock} whose coupon row was not written.
	 * @param id the template ID
	 * @param now the instant of the give-back
	 * @return 1 when a unit was given back
	 */
	@Update("UPDATE coupon_template SET issued = issued - 1, stock_changed_at = #{now} WHERE id = #{id} AND issued > 0")
	int returnStock(@Param("id") long id, @Param("now") Instant now);

	/**
	 * The templates whose claim stock reconciliation watches: claimable now or lately.
	 * @param since templates whose claim window closed before this are left alone
	 * @return their IDs
	 */
	@Select("SELECT id FROM coupon_template WHERE status IN ('ACTIVE', 'PAUSED') AND claim_end > #{since}")
	List<Long> findClaimable(@Param("since") Instant since);

	/**
	 * When the guarded counter last moved.
	 * @param id the template ID
	 * @return the instant, or {@code null} when it never moved
	 */
	@Select("SELECT stock_changed_at FROM coupon_template WHERE id = #{id}")
	Instant stockChangedAt(@Param("id") long id);

	/**
	 * Sets the guarded counter to the coupon rows counted, if it has not moved since it
	 * was read.
	 * @param id the template ID
	 * @param expected the counter as read before counting
	 * @param counted the rows counted
	 * @return 1 when repaired
	 */
	@Update("UPDATE coupon_template SET issued = #{counted} WHERE id = #{id} AND issued = #{expected}")
	int repairIssued(@Param("id") long id, @Param("expected") long expected, @Param("counted") long counted);

}
