package com.couponplatform.sharding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the MySQL/MariaDB server is and how the platform's databases are named
 * ({@code COUPON_DB_*}).
 */
@ConfigurationProperties("coupon.db")
public class DatabaseProperties {

	private String host = "127.0.0.1";

	private int port = 3306;

	private String user = "root";

	private String password = "";

	/** Databases are {@code <prefix>_global} and {@code <prefix>_ds_<i>}. */
	private String prefix = "coupon";

	/** Connections per physical database. */
	private int poolSize = 8;

	/** Extra JDBC URL parameters appended to every connection URL. */
	private String urlParameters = "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
			+ "&connectTimeout=3000&socketTimeout=30000&serverTimezone=UTC&useUnicode=true&characterEncoding=utf8";

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
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

	public String getPrefix() {
		return this.prefix;
	}

	public void setPrefix(String prefix) {
		this.prefix = prefix;
	}

	public int getPoolSize() {
		return this.poolSize;
	}

	public void setPoolSize(int poolSize) {
		this.poolSize = poolSize;
	}

	public String getUrlParameters() {
		return this.urlParameters;
	}

	public void setUrlParameters(String urlParameters) {
		this.urlParameters = urlParameters;
	}

	/**
	 * The JDBC URL of one database on the server, or of the server itself.
	 * @param database the database name, or an empty string for the server
	 * @return a {@code jdbc:mysql:} URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:mysql://" + this.host + ":" + this.port + "/" + database + "?" + this.urlParameters;
	}

	public String globalDatabase() {
		return this.prefix + "_global";
	}

	public String shardDatabase(int index) {
		return this.prefix + "_ds_" + index;
	}

}
