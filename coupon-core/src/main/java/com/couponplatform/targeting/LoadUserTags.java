package com.couponplatform.targeting;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.couponplatform.shared.UserId;
import com.couponplatform.shared.Violations;

/**
 * The back office bulk-loads users' tags into the local store. Each user's set is
 * replaced in one local transaction of the user's shard; users in other shards are
 * independent, so no transaction spans shards.
 */
@Service
public class LoadUserTags {

	public static final int MAX_USERS = 10_000;

	public static final int MAX_TAGS_PER_USER = 100;

	private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

	private final UserTagMapper tags;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LoadUserTags(UserTagMapper tags, TransactionTemplate transactions, Clock clock) {
		this.tags = tags;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Validates every entry, then replaces each user's tags.
	 * @param users the users and their tags
	 * @return how many users were loaded
	 * @throws com.couponplatform.shared.InvalidInputException naming every invalid entry;
	 * nothing is written then
	 */
	public int load(List<UserTags> users) {
		Violations violations = new Violations();
		violations.require(users != null && !users.isEmpty() && users.size() <= MAX_USERS, "users",
				"must list 1 to " + MAX_USERS + " users");
		if (users != null) {
			for (int i = 0; i < users.size(); i++) {
				check(violations, "users[" + i + "]", users.get(i));
			}
		}
		violations.throwIfAny();
		for (UserTags user : users) {
			long userId = UserId.parseOrNegative(user.userId());
			Set<String> distinct = new LinkedHashSet<>(user.tags());
			this.transactions.executeWithoutResult((status) -> {
				this.tags.deleteTags(userId);
				for (String tag : distinct) {
					this.tags.insert(userId, tag, this.clock.instant());
				}
			});
		}
		return users.size();
	}

	private static void check(Violations violations, String field, UserTags user) {
		violations.require(user != null && UserId.parseOrNegative(user.userId()) > 0, field + ".userId",
				"must be a positive 64-bit integer in decimal");
		List<String> tags = (user != null) ? user.tags() : null;
		violations.require(tags != null && tags.size() <= MAX_TAGS_PER_USER, field + ".tags",
				"must list at most " + MAX_TAGS_PER_USER + " tags");
		violations.require(tags == null || tags.stream().allMatch((tag) -> tag != null && TAG.matcher(tag).matches()),
				field + ".tags", "tags are 1 to 64 characters of A-Z a-z 0-9 _ . : -");
	}

}
