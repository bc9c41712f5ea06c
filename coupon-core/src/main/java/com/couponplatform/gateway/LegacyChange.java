package com.couponplatform.gateway;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One change of a user's legacy rows, as OLD's outbox holds it and the relay sends it
 * (DUAL_WRITE on): which user changed, under which epoch, and the codes the change
 * exchanged (a code's row lives apart from its user's). It names no rows of the user: the
 * applier copies the user's rows as OLD holds them when it applies, so a change delivered
 * twice or late finds nothing left to do.
 *
 * @param id the outbox row's ID
 * @param userId the user
 * @param epoch the epoch the change was decided under (decision 11)
 * @param useLogIds the use-log rows appended
 * @param codes the legacy codes exchanged, as the table holds them
 * @param madeAt when the gateway made it, in milliseconds since the epoch by its clock
 * (for the replication's lag)
 */
public record LegacyChange(long id, long userId, long epoch, List<Long> useLogIds, List<String> codes, long madeAt) {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** {@code t_coupon_migration_outbox.change_type} of every change. */
	static final String TYPE = "USER_ROWS";

	public LegacyChange {
		useLogIds = List.copyOf(useLogIds);
		codes = List.copyOf(codes);
	}

	/**
	 * @return the change as the relay sends it
	 */
	public String json() {
		try {
			return JSON.writeValueAsString(this);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param json a change as the relay sent it
	 * @return the change
	 * @throws IllegalArgumentException when it is not one
	 */
	public static LegacyChange parse(String json) {
		try {
			return JSON.readValue(json, LegacyChange.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not a legacy change: " + json, ex);
		}
	}

}
