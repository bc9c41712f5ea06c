package com.couponplatform.migration;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether {@code COUPON_LEGACY_DB_NAME} names a database (an empty value names none, as
 * {@link LegacyDatabaseProperties#configured()} reads it).
 */
public class LegacyDatabaseConfigured implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String name = context.getEnvironment().getProperty(LegacyDatabaseProperties.NAME_PROPERTY);
		return name != null && !name.isBlank();
	}

}
