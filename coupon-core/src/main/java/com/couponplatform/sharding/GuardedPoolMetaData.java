package com.couponplatform.sharding;

import java.util.Collection;
import java.util.Map;

import org.apache.shardingsphere.infra.datasource.pool.hikari.metadata.HikariDataSourcePoolMetaData;
import org.apache.shardingsphere.infra.datasource.pool.metadata.DataSourcePoolFieldMetaData;
import org.apache.shardingsphere.infra.datasource.pool.metadata.DataSourcePoolMetaData;

/**
 * Tells ShardingSphere that a {@link GuardedPool} is read like the Hikari pool it is:
 * ShardingSphere finds a pool's metadata by its exact class name (a ShardingSphere SPI,
 * registered in {@code META-INF/services}), and without it sees no JDBC URL.
 */
public final class GuardedPoolMetaData implements DataSourcePoolMetaData {

	private final HikariDataSourcePoolMetaData hikari = new HikariDataSourcePoolMetaData();

	@Override
	public Map<String, Object> getDefaultProperties() {
		return this.hikari.getDefaultProperties();
	}

	@Override
	public Map<String, Object> getSkippedProperties() {
		return this.hikari.getSkippedProperties();
	}

	@Override
	public Map<String, String> getPropertySynonyms() {
		return this.hikari.getPropertySynonyms();
	}

	@Override
	public Collection<String> getTransientFieldNames() {
		return this.hikari.getTransientFieldNames();
	}

	@Override
	public DataSourcePoolFieldMetaData getFieldMetaData() {
		return this.hikari.getFieldMetaData();
	}

	@Override
	public String getType() {
		return GuardedPool.class.getName();
	}

}
