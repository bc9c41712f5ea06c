package com.couponplatform.sharding;

import java.util.Collection;
import java.util.Properties;

import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * ShardingSphere's view of {@link ShardRouter}: picks the database
 * ({@code target=database}) or the physical table ({@code target=table}) for a precise
 * sharding key, and every target for a range (user queries always carry
 * {@code user_id =}, so ranges only come from operators).
 */
public final class UserShardingAlgorithm implements StandardShardingAlgorithm<Comparable<?>> {

	static final String TARGET = "target";

	static final String DATABASES = "databases";

	static final String TABLES = "tables";

	private ShardRouter router;

	private boolean routesDatabases;

	@Override
	public void init(Properties props) {
		this.router = new ShardRouter(new ShardingLayout(Integer.parseInt(props.getProperty(DATABASES)),
				Integer.parseInt(props.getProperty(TABLES))));
		this.routesDatabases = "database".equals(props.getProperty(TARGET));
	}

	@Override
	public String doSharding(Collection<String> availableTargetNames, PreciseShardingValue<Comparable<?>> value) {
		ShardLocation location = this.router.locate(value.getValue().toString());
		String suffix = "_" + (this.routesDatabases ? location.database() : location.table());
		for (String target : availableTargetNames) {
			if (target.endsWith(suffix)) {
				return target;
			}
		}
		throw new IllegalStateException("No " + suffix + " target among " + availableTargetNames);
	}

	@Override
	public Collection<String> doSharding(Collection<String> availableTargetNames,
			RangeShardingValue<Comparable<?>> value) {
		return availableTargetNames;
	}

}
