package com.couponplatform.migration;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.couponplatform.sharding.DatabaseProperties;

/**
 * The monolith's database the platform stands in front of ({@code COUPON_LEGACY_*},
 * MIGRATION.md's operator contract). Unset name: no legacy database, phase NONE. The
 * server's settings left unset are the {@code COUPON_DB_*} server's.
 */
@ConfigurationProperties("coupon.legacy")
public class LegacyDatabaseProperties {

	/** Bound by Spring from the property name {@code coupon.legacy.db.name}. */
	public static final String NAME_PROPERTY = "coupon.legacy.db.name";

	private final Db db = new Db();

	/** The zone of the monolith's local {@code DATETIME}s. */
	private ZoneId timeZone = ZoneId.of("Asia/Shanghai");

	/**
	 * How long a legacy template read is reused: the monolith's back office may change
	 * templates behind the platform, and every decision that must be exact (status, claim
	 * window, stock) is taken again by the guarded update in OLD's transaction.
	 */
	private Duration templateRefresh = Duration.ofSeconds(2);

	public Db getDb() {
		return this.db;
	}

	public ZoneId getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(ZoneId timeZone) {
		this.timeZone = timeZone;
	}

	public Duration getTemplateRefresh() {
		return this.templateRefresh;
	}

	public void setTemplateRefresh(Duration templateRefresh) {
		this.templateRefresh = templateRefresh;
	}

	/**
	 * @return whether a legacy database is configured
	 */
	public boolean configured() {
		return this.db.name != null && !this.db.name.isBlank();
	}

	/**
	 * The legacy server's connection settings, each unset one taken from the platform's
	 * server.
	 * @param platform the {@code COUPON_DB_*} settings
	 * @return settings whose {@code jdbcUrl(name)} reaches the legacy database
	 */
	public DatabaseProperties server(DatabaseProperties platform) {
		DatabaseProperties server = new DatabaseProperties();
		server.setHost((this.db.host != null) ? this.db.host : platform.getHost());
		server.setPort((this.db.port != null) ? this.db.port : platform.getPort());
		server.setUser((this.db.user != null) ? this.db.user : platform.getUser());
		server.setPassword((this.db.password != null) ? this.db.password : platform.getPassword());
		server.setPoolSize(this.db.poolSize);
		server.setUrlParameters(platform.getUrlParameters());
		return server;
	}

	/** {@code COUPON_LEGACY_DB_*}. */
	public static class Db {

		/** The legacy database ({@code mall}); unset: phase NONE. */
		private String name;

		private String host;

		private Integer port;

		private String user;

		private String password;

		/** Connections to the legacy database per process. */
		private int poolSize = 8;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public Integer getPort() {
			return this.port;
		}

		public void setPort(Integer port) {
			this.port = port;
		}

		public String getUser() {
			return this.user;
		}

		public void setUser(String user) {
			this.user = user;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public int getPoolSize() {
			return this.poolSize;
		}

		public void setPoolSize(int poolSize) {
			this.poolSize = poolSize;
		}

	}

}
