package com.couponplatform.sharding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

	/**
	 * Read replicas of the whole server, {@code host:port} each: every shard database is
	 * read from them as well (round robin), and written only to the primary. Empty: no
	 * read-write splitting.
	 */
	private List<String> replicas = new ArrayList<>();

	/**
	 * How long after a user's own write their reads still go to the primary; must exceed
	 * the worst replica lag.
	 */
	private Duration readYourWritesWindow = Duration.ofSeconds(10);

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

	public List<String> getReplicas() {
		return this.replicas;
	}

	public void setReplicas(List<String> replicas) {
		this.replicas = replicas;
	}

	public Duration getReadYourWritesWindow() {
		return this.readYourWritesWindow;
	}

	public void setReadYourWritesWindow(Duration readYourWritesWindow) {
		this.readYourWritesWindow = readYourWritesWindow;
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
		return jdbcUrl(this.host + ":" + this.port, database);
	}

	/**
	 * The JDBC URL of one database on another server of the same installation (a
	 * replica).
	 * @param hostAndPort the server, {@code host:port}
	 * @param database the database name
	 * @return a {@code jdbc:mysql:} URL
	 */
	public String jdbcUrl(String hostAndPort, String database) {
		return "jdbc:mysql://" + hostAndPort + "/" + database + "?" + this.urlParameters;
	}

	public String globalDatabase() {
		return this.prefix + "_global";
	}

	public String shardDatabase(int index) {
		return this.prefix + "_ds_" + index;
	}

}
