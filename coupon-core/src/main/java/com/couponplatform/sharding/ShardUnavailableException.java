package com.couponplatform.sharding;

import java.sql.SQLTransientConnectionException;

/**
 * A connection refused because its database's {@link ShardCircuit} is open. A transient
 * connection failure, so every layer above (Spring's translation, the problem handlers)
 * treats it as "unavailable, retry later": 503 with {@code Retry-After}.
 */
public final class ShardUnavailableException extends SQLTransientConnectionException {

	ShardUnavailableException(ShardCircuit circuit) {
		super("Database " + circuit.database() + " is unavailable (" + circuit.reason() + ")", "08001");
	}

}
