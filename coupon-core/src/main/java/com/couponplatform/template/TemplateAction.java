package com.couponplatform.template;

/**
 * What an operator did to a template, as the audit log records it.
 */
public enum TemplateAction {

	CREATE, UPDATE, PUBLISH, PAUSE, RESUME, END

}
