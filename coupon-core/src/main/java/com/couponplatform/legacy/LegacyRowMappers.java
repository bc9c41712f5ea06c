package com.couponplatform.legacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * Reads legacy rows from {@code SELECT *} of their tables, by column name.
 */
public final class LegacyRowMappers {

	/** {@code t_coupon_template}. */
	public static final RowMapper<LegacyTemplate> TEMPLATE = (rs, n) -> new LegacyTemplate(rs.getLong("id"),
			rs.getString("title"), rs.getInt("coupon_kind"), rs.getBigDecimal("face_value"),
			rs.getBigDecimal("min_order_amt"), rs.getBigDecimal("discount_rate"), rs.getBigDecimal("max_cut"),
			rs.getInt("total_count"), rs.getInt("taken_count"), rs.getInt("per_user_limit"), time(rs, "grab_start"),
			time(rs, "grab_end"), time(rs, "use_start"), time(rs, "use_end"), rs.getObject("valid_days", Integer.class),
			rs.getInt("status"), rs.getInt("scope_type"), rs.getString("operator"), time(rs, "create_time"),
			time(rs, "update_time"));

	/** {@code t_coupon_scope}. */
	public static final RowMapper<LegacyScopeRef> SCOPE = (rs, n) -> new LegacyScopeRef(rs.getLong("id"),
			rs.getLong("template_id"), rs.getInt("ref_type"), rs.getString("ref_id"));

	/** {@code t_user_coupon}. */
	public static final RowMapper<LegacyCoupon> COUPON = (rs, n) -> new LegacyCoupon(rs.getLong("id"),
			rs.getLong("uid"), rs.getLong("tpl_id"), rs.getInt("state"), rs.getInt("get_type"), time(rs, "get_time"),
			time(rs, "expire_time"), rs.getString("order_no"), time(rs, "use_time"), rs.getString("code"),
			rs.getInt("version"), time(rs, "update_time"));

	/** {@code t_coupon_code}. */
	public static final RowMapper<LegacyCode> CODE = (rs, n) -> new LegacyCode(rs.getString("code"),
			rs.getLong("tpl_id"), rs.getString("batch_no"), rs.getInt("state"), rs.getObject("uid", Long.class),
			time(rs, "exchange_time"));

	/** {@code t_coupon_use_log}. */
	public static final RowMapper<LegacyUseLog> USE_LOG = (rs, n) -> new LegacyUseLog(rs.getLong("id"),
			rs.getLong("uid"), rs.getLong("user_coupon_id"), rs.getString("order_no"), rs.getInt("action"),
			rs.getBigDecimal("amount"), time(rs, "create_time"));

	private LegacyRowMappers() {
	}

	private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDateTime.class);
	}

}
