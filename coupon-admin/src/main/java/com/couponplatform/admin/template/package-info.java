/**
 * The template resource of the back office.
 */
package com.couponplatform.admin.template;
