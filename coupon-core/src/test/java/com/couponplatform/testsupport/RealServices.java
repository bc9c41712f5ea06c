package com.couponplatform.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that talks to real MariaDB/MySQL, Redis or RocketMQ, found through
 * {@link TestServices}; skipped when the chosen environment cannot supply them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealServicesCondition.class)
public @interface RealServices {

}
