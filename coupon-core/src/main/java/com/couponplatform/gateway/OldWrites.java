package com.couponplatform.gateway;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The changes one user's legacy rows may take inside a transaction the gateway opened on
 * OLD for that user, past the user's fence, each written as the monolith writes it
 * (LEGACY.md, "How the monolith writes"): {@code update_time} the local time of the
 * write, {@code version} one up on every change of a coupon row, a use-log row with every
 * order move. Times are the legacy database's local times; every statement names the
 * user, so no other user's row can change.
 */
public final class OldWrites {

	/** {@code t_coupon_use_log.action}. */
	private static final int FREEZE = 1;

	private static final int USE = 2;

	private static final int UNFREEZE = 3;

	private static final int REFUND = 4;

	/**
	 * How a legacy {@code DATETIME} is bound: as its text, so that no driver converts it
	 * between the JVM's zone and the server's.
	 */
	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final JdbcClient sql;

	private final long userId;

	private final LongSupplier newIds;

	private final OldJournal journal;

	/** The codes this transaction exchanged, named in its outbox change. */
	private final List<String> exchangedCodes = new ArrayList<>();

	/** The use-log rows this transaction appended, named in its outbox change. */
	private final List<Long> useLogIds = new ArrayList<>();

	/**
	 * @param newIds the IDs new rows carry, or {@code null} while OLD's AUTO_INCREMENT
	 * assigns them (decision 2)
	 * @param journal the journal of the rows written, or {@code null} before
	 * STATIC_FROZEN
	 */
	OldWrites(JdbcClient sql, long userId, LongSupplier newIds, OldJournal journal) {
		this.sql = sql;
		this.userId = userId;
		this.newIds = newIds;
		this.journal = journal;
	}

	/**
	 * The transaction's statements for the platform's own {@code t_coupon_migration_…}
	 * tables (replay records), which commit with the change.
	 * @return the client
	 */
	public JdbcClient sql() {
		return this.sql;
	}

	/**
	 * Takes one unit of a template's stock the monolith's way (decision 1), also refused
	 * when the template is not online or outside its claim window at that instant.
	 * @param templateId the template
	 * @param now the local time of the claim
	 * @return whether a unit was taken; the row stays locked until the transaction ends
	 */
	public boolean takeStock(long templateId, LocalDateTime now) {
		boolean taken = this.sql.sql(
				"UPDATE t_coupon_template SET taken_count = taken_count + 1 WHERE id = ? AND taken_count < total_count "
						+ "AND status = 1 AND grab_start <= ? AND grab_end > ?")
			.params(templateId, text(now), text(now))
			.update() == 1;
		if (taken) {
			journal("t_coupon_template", templateId);
		}
		return taken;
	}

	/**
	 * Inserts a new UNUSED coupon of the user, version 0, with OLD's AUTO_INCREMENT ID
	 * while the monolith may still insert, and a generator ID once the gateway is OLD's
	 * only writer (decision 2).
	 * @param templateId the template
	 * @param getType 1 claimed, 2 pushed, 3 exchanged from a code
	 * @param getTime the local time of the claim, also its {@code update_time}
	 * @param expireTime the end of its validity, local
	 * @param code the code as typed, for an exchange; otherwise {@code null}
	 * @return the coupon's ID
	 */
	public long insertCoupon(long templateId, int getType, LocalDateTime getTime, LocalDateTime expireTime,
			String code) {
		Long id = (this.newIds != null) ? this.newIds.getAsLong() : null;
		KeyHolder keys = new GeneratedKeyHolder();
		this.sql
			.sql("INSERT INTO t_user_coupon (id, uid, tpl_id, state, get_type, get_time, expire_time, order_no, "
					+ "use_time, code, version, update_time) VALUES (?, ?, ?, 0, ?, ?, ?, NULL, NULL, ?, 0, ?)")
			.params(id, this.userId, templateId, getType, text(getTime), text(expireTime), code, text(getTime))
			.update(keys, "id");
		long inserted = (id != null) ? id : keys.getKey().longValue();
		journal("t_user_coupon", inserted);
		return inserted;
	}

	/**
	 * Freezes an unused coupon for an order.
	 * @param amount the discount it gives that order, in yuan
	 * @return whether it was unused and is frozen now
	 */
	public boolean freeze(long couponId, String orderNo, BigDecimal amount, LocalDateTime now) {
		return move(couponId, "state = 1, order_no = ?", new Object[] { orderNo }, "state = 0", FREEZE, orderNo, amount,
				now);
	}

	/**
	 * Uses an order's frozen coupon: the order is paid.
	 * @param amount the same discount the freeze logged, in yuan
	 * @return whether it was frozen by that order and is used now
	 */
	public boolean use(long couponId, String orderNo, BigDecimal amount, LocalDateTime now) {
		return move(couponId, "state = 2, use_time = ?", new Object[] { text(now) }, "state = 1 AND order_no = ?", USE,
				orderNo, amount, now);
	}

	/**
	 * Gives an abandoned order's frozen coupon back (amount 0 in the log).
	 * @return whether it was frozen by that order and is unused now
	 */
	public boolean unfreeze(long couponId, String orderNo, LocalDateTime now) {
		return move(couponId, "state = 0, order_no = NULL", new Object[0], "state = 1 AND order_no = ?", UNFREEZE,
				orderNo, BigDecimal.ZERO.setScale(2), now);
	}

	/**
	 * Gives a refunded order's used coupon back.
	 * @param amount the discount given back, in yuan
	 * @return whether it was used by that order and is unused now
	 */
	public boolean refund(long couponId, String orderNo, BigDecimal amount, LocalDateTime now) {
		return move(couponId, "state = 0, order_no = NULL, use_time = NULL", new Object[0],
				"state = 2 AND order_no = ?", REFUND, orderNo, amount, now);
	}

	/**
	 * Exchanges an unused legacy code for the user: the one conditional update that lets
	 * exactly one of several racing users have it.
	 * @param code the code as the table holds it
	 * @return whether it was unused and is the user's now
	 */
	public boolean exchangeCode(String code, LocalDateTime now) {
		boolean exchanged = this.sql
			.sql("UPDATE t_coupon_code SET state = 1, uid = ?, exchange_time = ? WHERE code = ? AND state = 0")
			.params(this.userId, text(now), code)
			.update() == 1;
		if (exchanged) {
			journal("t_coupon_code", code);
			this.exchangedCodes.add(code);
		}
		return exchanged;
	}

	List<String> exchangedCodes() {
		return this.exchangedCodes;
	}

	List<Long> useLogIds() {
		return this.useLogIds;
	}

	/**
	 * @param local a legacy local time, or {@code null}
	 * @return its parameter value, at whole seconds as a DATETIME stores it
	 */
	public static String text(LocalDateTime local) {
		return (local != null) ? DATETIME.format(local.truncatedTo(ChronoUnit.SECONDS)) : null;
	}

	private boolean move(long couponId, String set, Object[] setParams, String from, int action, String orderNo,
			BigDecimal amount, LocalDateTime now) {
		Object[] params = new Object[setParams.length + 3 + (from.contains("?") ? 1 : 0)];
		System.arraycopy(setParams, 0, params, 0, setParams.length);
		int i = setParams.length;
		params[i++] = text(now);
		params[i++] = couponId;
		params[i++] = this.userId;
		if (from.contains("?")) {
			params[i++] = orderNo;
		}
		int changed = this.sql
			.sql("UPDATE t_user_coupon SET " + set
					+ ", version = version + 1, update_time = ? WHERE id = ? AND uid = ? " + "AND " + from)
			.params(params)
			.update();
		if (changed != 1) {
			return false;
		}
		journal("t_user_coupon", couponId);
		Long id = (this.newIds != null) ? this.newIds.getAsLong() : null;
		KeyHolder keys = new GeneratedKeyHolder();
		this.sql
			.sql("INSERT INTO t_coupon_use_log (id, uid, user_coupon_id, order_no, action, amount, create_time) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, this.userId, couponId, orderNo, action, amount, text(now))
			.update(keys, "id");
		long logged = (id != null) ? id : keys.getKey().longValue();
		journal("t_coupon_use_log", logged);
		this.useLogIds.add(logged);
		return true;
	}

	private void journal(String table, Object key) {
		if (this.journal != null) {
			this.journal.wrote(table, key);
		}
	}

}
