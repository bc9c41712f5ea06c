package com.couponplatform.messaging;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The installation's topic names, all under its prefix.
 */
@Component
@EnableConfigurationProperties(MessagingProperties.class)
public class Topics {

	/** Suffix of the topic of {@code CouponClaimed} events. */
	public static final String COUPON_CLAIMED = "coupon_claimed";

	/** Suffix of the topic of issuance jobs' chunks of users. */
	public static final String ISSUANCE = "issuance";

	/** Suffix of the topic of {@code CouponStatusChanged} events. */
	public static final String COUPON_STATUS_CHANGED = "coupon_status_changed";

	/**
	 * Suffix of the topic of {@code RedemptionAccepted} events (from the codes' shards).
	 */
	public static final String REDEMPTION_ACCEPTED = "redemption_accepted";

	/** Suffix of the topic of {@code CodeRedeemed} events (from the users' shards). */
	public static final String CODE_REDEEMED = "code_redeemed";

	/**
	 * Suffix of the topic of OLD's changes on their way to NEW (the migration's
	 * replication).
	 */
	public static final String MIGRATION_TO_NEW = "migration_to_new";

	private final String prefix;

	Topics(MessagingProperties properties) {
		this.prefix = properties.getTopicPrefix();
	}

	public String couponClaimed() {
		return this.prefix + "_" + COUPON_CLAIMED;
	}

	public String issuance() {
		return this.prefix + "_" + ISSUANCE;
	}

	public String couponStatusChanged() {
		return this.prefix + "_" + COUPON_STATUS_CHANGED;
	}

	public String redemptionAccepted() {
		return this.prefix + "_" + REDEMPTION_ACCEPTED;
	}

	public String codeRedeemed() {
		return this.prefix + "_" + CODE_REDEEMED;
	}

	public String migrationToNew() {
		return this.prefix + "_" + MIGRATION_TO_NEW;
	}

	/**
	 * A consumer group of this installation.
	 * @param name the consumer's name, for example {@code template_statistic}
	 * @return the group name under the installation's prefix
	 */
	public String consumerGroup(String name) {
		return this.prefix + "_" + name;
	}

	/**
	 * Every topic this installation publishes to, for creation at start-up.
	 * @return topic names
	 */
	public List<String> all() {
		return List.of(couponClaimed(), couponStatusChanged(), issuance(), redemptionAccepted(), codeRedeemed(),
				migrationToNew());
	}

}
