package com.couponplatform.persistence;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Stores instants in {@code DATETIME(3)} columns as UTC wall-clock text.
 *
 * <p>
 * MariaDB announces itself as {@code 5.5.5-10.x}, so MySQL Connector/J believes it cannot
 * store fractional seconds and truncates {@code Timestamp} parameters to the second; a
 * replayed claim would then differ from the first answer. Text keeps the milliseconds on
 * MySQL and MariaDB alike, and no JVM or session time zone takes part.
 */
public class UtcInstantTypeHandler extends BaseTypeHandler<Instant> {

	@Override
	public void setNonNullParameter(PreparedStatement statement, int index, Instant value, JdbcType jdbcType)
			throws SQLException {
		statement.setString(index, UtcInstants.text(value));
	}

	@Override
	public Instant getNullableResult(ResultSet result, String column) throws SQLException {
		return toInstant(result.getObject(column, LocalDateTime.class));
	}

	@Override
	public Instant getNullableResult(ResultSet result, int index) throws SQLException {
		return toInstant(result.getObject(index, LocalDateTime.class));
	}

	@Override
	public Instant getNullableResult(CallableStatement statement, int index) throws SQLException {
		return toInstant(statement.getObject(index, LocalDateTime.class));
	}

	private static Instant toInstant(LocalDateTime utc) {
		return UtcInstants.instant(utc);
	}

}
