package com.couponplatform.phasemachine;

/**
 * One legacy table's static copy, as last compared.
 *
 * @param old rows in OLD (of the templates copied)
 * @param copied their copies in NEW
 * @param equal whether counts and every per-row canonical hash are equal
 */
public record CopiedTable(long old, long copied, boolean equal) {
}
