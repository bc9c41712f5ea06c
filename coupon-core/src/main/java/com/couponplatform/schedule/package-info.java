/**
 * Background jobs that one instance at a time runs on a fixed delay.
 */
package com.couponplatform.schedule;
