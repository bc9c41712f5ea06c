package com.couponplatform.gateway;

import com.couponplatform.migration.Epoch;

/**
 * Where tests break a gateway write: after it was decided (side and epoch) and before its
 * transaction reads the fence, the window in which a cutover can overtake it. Production
 * has no such bean.
 */
@FunctionalInterface
public interface GatewayFaultPoint {

	GatewayFaultPoint NONE = (userId, epoch) -> {
	};

	/**
	 * Runs between a user's write being decided and its transaction.
	 * @param userId the user
	 * @param decidedUnder the epoch it was decided under
	 */
	void decided(long userId, Epoch decidedUnder);

}
