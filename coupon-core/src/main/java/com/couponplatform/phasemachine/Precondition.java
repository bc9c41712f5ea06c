package com.couponplatform.phasemachine;

/**
 * One precondition of a transition, as checked: its stable name (listed per transition in
 * docs/migration.md), whether it holds, and what was found.
 *
 * @param name the stable name
 * @param holds whether it holds
 * @param detail what was found, naming the table and key of a difference
 */
public record Precondition(String name, boolean holds, String detail) {

	static Precondition of(String name, boolean holds, String detail) {
		return new Precondition(name, holds, detail);
	}

}
