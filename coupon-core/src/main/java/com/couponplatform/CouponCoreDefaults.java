package com.couponplatform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Loads coupon-core's defaults at the lowest precedence, under whatever the application,
 * the environment ({@code COUPON_*}) or a test sets.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:coupon-core.properties")
public class CouponCoreDefaults {

}
