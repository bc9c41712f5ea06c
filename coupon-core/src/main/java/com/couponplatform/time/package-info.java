/**
 * The clock and the business time zone in which date-only input is read.
 */
package com.couponplatform.time;
