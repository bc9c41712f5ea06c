package com.couponplatform.sharding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * N and M ({@code COUPON_SHARDING_DATABASES}, {@code COUPON_SHARDING_TABLES}). Fixed for
 * the life of an installation: the values are recorded at first schema creation and
 * checked at every start.
 */
@ConfigurationProperties("coupon.sharding")
public class ShardingProperties {

	private int databases = 2;

	private int tables = 8;

	/**
	 * Log every SQL statement ShardingSphere routes (logger {@code ShardingSphere-SQL}).
	 */
	private boolean showSql = false;

	public int getDatabases() {
		return this.databases;
	}

	public void setDatabases(int databases) {
		this.databases = databases;
	}

	public int getTables() {
		return this.tables;
	}

	public void setTables(int tables) {
		this.tables = tables;
	}

	public boolean isShowSql() {
		return this.showSql;
	}

	public void setShowSql(boolean showSql) {
		this.showSql = showSql;
	}

	public ShardingLayout layout() {
		return new ShardingLayout(this.databases, this.tables);
	}

}
