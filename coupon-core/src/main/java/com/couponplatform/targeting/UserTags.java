package com.couponplatform.targeting;

import java.util.List;

/**
 * One user's tags as the back office loads them.
 *
 * @param userId the user, a positive ID in decimal
 * @param tags the user's complete set of tags; replaces what the store held
 */
public record UserTags(String userId, List<String> tags) {
}
