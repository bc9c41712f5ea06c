package com.couponplatform.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem codes an endpoint answers with beyond those every endpoint may answer
 * ({@link ApiProblems#COMMON}), for its OpenAPI description.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Refuses {

	ProblemCode[] value();

}
