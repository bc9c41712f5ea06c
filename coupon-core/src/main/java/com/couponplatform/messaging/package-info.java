/**
 * The transactional outbox and its relay to RocketMQ, and the installation's topics.
 */
package com.couponplatform.messaging;
