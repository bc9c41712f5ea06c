/**
 * Health components: each shard database and the RocketMQ broker.
 */
package com.couponplatform.health;
