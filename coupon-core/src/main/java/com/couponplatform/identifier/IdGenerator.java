package com.couponplatform.identifier;

/**
 * Hands out 64-bit IDs unique across every process that inserts (api, admin, migration).
 */
@FunctionalInterface
public interface IdGenerator {

	long nextId();

}
