package com.couponplatform.cache;

/**
 * How a cached value travels through Redis, and which version of its source it reflects.
 *
 * @param <V> the cached value
 */
public interface CacheCodec<V> {

	String encode(V value);

	V decode(String text);

	/**
	 * The version of the value: a later change always has a higher one.
	 * @param value the value
	 * @return its version
	 */
	long version(V value);

}
