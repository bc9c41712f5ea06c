/**
 * The global SKU super-blacklist resource.
 */
package com.couponplatform.admin.blacklist;
