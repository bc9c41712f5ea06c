package com.couponplatform.template;

import java.util.Optional;

/**
 * The templates of the legacy database, while the platform serves from it (implemented
 * where the legacy model lives; present only with a legacy database configured). Until
 * the static data is copied, OLD alone has the templates its users' coupons come from.
 */
public interface LegacyTemplates {

	/**
	 * A legacy template in the platform's model, possibly a moment old.
	 * @param id the template ID
	 * @return the template, or empty when OLD has none it can map
	 */
	Optional<CouponTemplate> find(long id);

	/**
	 * {@link #find} read from OLD now.
	 * @param id the template ID
	 * @return the template, or empty
	 */
	Optional<CouponTemplate> findFresh(long id);

}
