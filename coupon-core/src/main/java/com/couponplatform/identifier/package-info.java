/**
 * Snowflake IDs unique across processes, each process leasing its worker ID in Redis.
 */
package com.couponplatform.identifier;
