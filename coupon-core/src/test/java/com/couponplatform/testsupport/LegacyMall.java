package com.couponplatform.testsupport;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.legacy.LegacySchema;

/**
 * A legacy mall database for a test, {@code <prefix>_legacy_mall} on the test server
 * (dropped with the prefix), with the monolith's tables built from LEGACY.md and rows put
 * in as the monolith would have left them, quirks included.
 */
public final class LegacyMall {

	/** The monolith's zone, the platform's default legacy zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final String name;

	private final JdbcClient sql;

	private final TransactionTemplate transaction;

	private final DataSource dataSource;

	private LegacyMall(String name) {
		this.name = name;
		DriverManagerDataSource dataSource = new DriverManagerDataSource(TestServices.database(name).jdbcUrl(name),
				TestServices.dbUser(), TestServices.dbPassword());
		this.dataSource = dataSource;
		this.sql = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Creates the database with the monolith's tables, empty.
	 * @param prefix the test's prefix
	 * @return the mall
	 */
	public static LegacyMall create(String prefix) {
		String name = prefix + "_legacy_mall";
		String server = TestServices.database(prefix).jdbcUrl("");
		try (Connection connection = DriverManager.getConnection(server, TestServices.dbUser(),
				TestServices.dbPassword()); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
			connection.setCatalog(name);
			LegacySchema.createMallTables(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the legacy database " + name, ex);
		}
		return new LegacyMall(name);
	}

	public String name() {
		return this.name;
	}

	/**
	 * @return the mall database, a connection per statement (the generator's bulk
	 * inserts)
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * @return statements on the mall database, each committed on its own
	 */
	public JdbcClient sql() {
		return this.sql;
	}

	/**
	 * Runs statements in one local transaction of the mall, as the monolith's actions
	 * run.
	 * @param <T> the result
	 * @param work statements through {@link #sql()}
	 * @return the work's result, committed
	 */
	public <T> T inTransaction(Supplier<T> work) {
		return this.transaction.execute((status) -> work.get());
	}

	/**
	 * The monolith's own claim, beside the platform: its guarded counter and its insert
	 * in one local transaction, without the platform's user lock.
	 * @return whether it issued
	 */
	public boolean monolithClaim(long templateId, long uid) {
		Instant now = Instant.now();
		return inTransaction(() -> {
			if (this.sql
				.sql("UPDATE t_coupon_template SET taken_count = taken_count + 1 WHERE id = ? "
						+ "AND taken_count < total_count")
				.param(templateId)
				.update() == 0) {
				return false;
			}
			coupon(uid, templateId, 0, 1, now, now.plus(7, ChronoUnit.DAYS), null);
			return true;
		});
	}

	/**
	 * @param instant an instant
	 * @return the local time the monolith stores for it
	 */
	public static String local(Instant instant) {
		return DATETIME.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE));
	}

	/**
	 * An online cash voucher of 5.00 yuan, claimable from an hour ago for two hours,
	 * valid seven days after its claim.
	 * @param total its stock
	 * @param perUserLimit claims per user (0: none)
	 * @return its ID
	 */
	public long onlineTemplate(int total, int perUserLimit) {
		return template(1, new BigDecimal("5.00"), BigDecimal.ZERO, BigDecimal.ZERO, null, total, perUserLimit, 1, 7);
	}

	/**
	 * A template row with the claim window around now and relative validity.
	 * @return its ID
	 */
	public long template(int kind, BigDecimal faceValue, BigDecimal minOrder, BigDecimal rate, BigDecimal maxCut,
			int total, int perUserLimit, int status, int validDays) {
		Instant now = Instant.now();
		KeyHolder keys = new GeneratedKeyHolder();
		this.sql
			.sql("INSERT INTO t_coupon_template (title, coupon_kind, face_value, min_order_amt, discount_rate, "
					+ "max_cut, total_count, taken_count, per_user_limit, grab_start, grab_end, use_start, use_end, "
					+ "valid_days, status, scope_type, operator, create_time, update_time) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, NULL, NULL, ?, ?, 0, 'ops', ?, ?)")
			.params("Legacy " + kind + "/" + total, kind, faceValue, minOrder, rate, maxCut, total, perUserLimit,
					local(now.minus(1, ChronoUnit.HOURS)), local(now.plus(2, ChronoUnit.HOURS)), validDays, status,
					local(now.minus(30, ChronoUnit.DAYS)), local(now.minus(30, ChronoUnit.DAYS)))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * A coupon row as the monolith left it.
	 * @param expireTime its end, or {@code null} (a row from before 2019)
	 * @return its ID
	 */
	public long coupon(long uid, long templateId, int state, int getType, Instant getTime, Instant expireTime,
			String orderNo) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.sql
			.sql("INSERT INTO t_user_coupon (uid, tpl_id, state, get_type, get_time, expire_time, order_no, "
					+ "use_time, code, version, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, 0, ?)")
			.params(uid, templateId, state, getType, local(getTime), (expireTime != null) ? local(expireTime) : null,
					orderNo, local(getTime))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * @return how many coupon rows the template has
	 */
	public long rows(long templateId) {
		return this.sql.sql("SELECT COUNT(*) FROM t_user_coupon WHERE tpl_id = ?")
			.param(templateId)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the template's {@code taken_count}
	 */
	public long taken(long templateId) {
		return this.sql.sql("SELECT taken_count FROM t_coupon_template WHERE id = ?")
			.param(templateId)
			.query(Long.class)
			.single();
	}

}
