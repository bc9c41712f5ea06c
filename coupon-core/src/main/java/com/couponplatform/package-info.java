/**
 * The coupon platform's core: domain, use cases, persistence and messaging, shared by the
 * HTTP services and the batch tools. No web code.
 */
package com.couponplatform;
