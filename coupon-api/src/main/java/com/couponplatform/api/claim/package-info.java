/**
 * The claim resource.
 */
package com.couponplatform.api.claim;
