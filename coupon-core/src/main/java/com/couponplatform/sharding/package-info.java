/**
 * User-ID sharding: the routing function, the ShardingSphere data source built from N and
 * M, and the schema installer.
 */
package com.couponplatform.sharding;
