package com.couponplatform.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the back-office screens (HTML under {@code /screens}), as opposed to
 * the JSON API: what every page needs ({@link ScreenModel}) applies to these only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface Screen {

	@AliasFor(annotation = Controller.class)
	String value() default "";

}
