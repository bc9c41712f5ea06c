package com.couponplatform.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Redis is ({@code COUPON_REDIS_*}) and the prefix of every key this installation
 * writes, so that tests and several installations can share one server.
 */
@ConfigurationProperties("coupon.redis")
public class RedisProperties {

	private String host = "127.0.0.1";

	private int port = 6379;

	private String password;

	private int database = 0;

	private String keyPrefix = "coupon:";

	/** Netty I/O threads; Redisson's default (32) is sized for big hosts. */
	private int nettyThreads = 4;

	private int connectionPoolSize = 16;

	private int timeoutMillis = 3000;

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

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public int getDatabase() {
		return this.database;
	}

	public void setDatabase(int database) {
		this.database = database;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public int getNettyThreads() {
		return this.nettyThreads;
	}

	public void setNettyThreads(int nettyThreads) {
		this.nettyThreads = nettyThreads;
	}

	public int getConnectionPoolSize() {
		return this.connectionPoolSize;
	}

	public void setConnectionPoolSize(int connectionPoolSize) {
		this.connectionPoolSize = connectionPoolSize;
	}

	public int getTimeoutMillis() {
		return this.timeoutMillis;
	}

	public void setTimeoutMillis(int timeoutMillis) {
		this.timeoutMillis = timeoutMillis;
	}

}
