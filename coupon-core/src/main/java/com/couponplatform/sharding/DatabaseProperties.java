package com.couponplatform.sharding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the MySQL/MariaDB servers are and how the platform's databases are named
 * ({@code COUPON_DB_*}): one server for everything by default, or the global database and
 * each shard database on a server of its own ({@code COUPON_DB_GLOBAL_HOST} /
 * {@code _PORT}, {@code COUPON_DB_SHARD_<i>_HOST} / {@code _PORT} / {@code _REPLICAS}),
 * every part left unset defaulting to the {@code COUPON_DB_*} server's.
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

	/**
	 * The longest a request waits for a connection of its database's busy pool while the
	 * database answers; past it the request is answered 503. A database that stops
	 * answering refuses its waiters as soon as its circuit opens, whatever this says.
	 */
	private Duration acquireTimeout = Duration.ofSeconds(5);

	/** How often each database is probed for its circuit. */
	private Duration probeInterval = Duration.ofMillis(200);

	/** How long a probe may take to connect or to answer before it counts as failed. */
	private Duration probeTimeout = Duration.ofMillis(400);

	/** Failed probes in a row that open a database's circuit. */
	private int probeFailures = 2;

	/** The global database's own server, if not {@code host:port}. */
	private final Server global = new Server();

	/** Shard databases on servers of their own, by shard index. */
	private Map<Integer, Server> shard = new TreeMap<>();

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

	public Duration getAcquireTimeout() {
		return this.acquireTimeout;
	}

	public void setAcquireTimeout(Duration acquireTimeout) {
		this.acquireTimeout = acquireTimeout;
	}

	public Duration getProbeInterval() {
		return this.probeInterval;
	}

	public void setProbeInterval(Duration probeInterval) {
		this.probeInterval = probeInterval;
	}

	public Duration getProbeTimeout() {
		return this.probeTimeout;
	}

	public void setProbeTimeout(Duration probeTimeout) {
		this.probeTimeout = probeTimeout;
	}

	public int getProbeFailures() {
		return this.probeFailures;
	}

	public void setProbeFailures(int probeFailures) {
		this.probeFailures = probeFailures;
	}

	public Server getGlobal() {
		return this.global;
	}

	public Map<Integer, Server> getShard() {
		return this.shard;
	}

	public void setShard(Map<Integer, Server> shard) {
		this.shard = shard;
	}

	/**
	 * @return the global database's server, {@code host:port}
	 */
	public String globalServer() {
		return hostAndPort(this.global);
	}

	/**
	 * @param index a shard database's index
	 * @return the server of that shard database, {@code host:port}
	 */
	public String shardServer(int index) {
		return hostAndPort(this.shard.get(index));
	}

	/**
	 * @param index a shard database's index
	 * @return the read replicas of that shard database, {@code host:port} each: its own
	 * when set, else those of the {@code COUPON_DB_*} server
	 */
	public List<String> shardReplicas(int index) {
		Server own = this.shard.get(index);
		return (own != null && own.getReplicas() != null) ? own.getReplicas() : this.replicas;
	}

	private String hostAndPort(Server server) {
		String serverHost = (server != null && server.getHost() != null) ? server.getHost() : this.host;
		int serverPort = (server != null && server.getPort() != null) ? server.getPort() : this.port;
		return serverHost + ":" + serverPort;
	}

	public String getUrlParameters() {
		return this.urlParameters;
	}

	public void setUrlParameters(String urlParameters) {
		this.urlParameters = urlParameters;
	}

	/**
	 * The JDBC URL of one database on the {@code COUPON_DB_*} server, or of the server
	 * itself.
	 * @param database the database name, or an empty string for the server
	 * @return a {@code jdbc:mysql:} URL
	 */
	public String jdbcUrl(String database) {
		return jdbcUrl(this.host + ":" + this.port, database);
	}

	/**
	 * The JDBC URL of one database on a given server of the installation (a shard's own
	 * server, a replica).
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

	/**
	 * A server of its own for one database; unset parts default to the
	 * {@code COUPON_DB_*} server's.
	 */
	public static class Server {

		private String host;

		private Integer port;

		/** Read replicas, {@code host:port} each (shards only). */
		private List<String> replicas;

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

		public List<String> getReplicas() {
			return this.replicas;
		}

		public void setReplicas(List<String> replicas) {
			this.replicas = replicas;
		}

	}

}
