/**
 * The benchmark's baseline endpoint, off unless configured.
 */
package com.couponplatform.api.baseline;
