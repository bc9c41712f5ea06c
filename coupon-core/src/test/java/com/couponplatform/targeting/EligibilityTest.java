package com.couponplatform.targeting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

	private static final TagExpression VIP = TagExpressionParser.parse("vip AND NOT churned");

	@Test
	void letsEveryoneThroughAnUntargetedTemplate() {
		assertThat(localOnly(List.of()).isEligible(1, null, TagFallback.DENY)).isTrue();
	}

	@Test
	void evaluatesTheExpressionOnTheUsersLocalTags() {
		assertThat(localOnly(List.of("vip")).isEligible(1, VIP, TagFallback.DENY)).isTrue();
		assertThat(localOnly(List.of("vip", "churned")).isEligible(1, VIP, TagFallback.ALLOW)).isFalse();
		assertThat(localOnly(List.of()).isEligible(1, VIP, TagFallback.ALLOW)).isFalse();
	}

	@Test
	void followsTheTemplatesFallbackWhenTheRemoteServiceIsDown() {
		TagsProperties unreachable = new TagsProperties();
		// Port 1 on loopback: refused at once.
		unreachable.setRemoteUrl("http://127.0.0.1:1");
		unreachable.setTimeout(Duration.ofMillis(200));
		Eligibility eligibility = new Eligibility(tags(List.of("vip")), unreachable, new ObjectMapper());
		assertThat(eligibility.isEligible(1, VIP, TagFallback.DENY)).isFalse();
		assertThat(eligibility.isEligible(1, VIP, TagFallback.ALLOW)).isTrue();
	}

	private static Eligibility localOnly(List<String> userTags) {
		return new Eligibility(tags(userTags), new TagsProperties(), new ObjectMapper());
	}

	/** The local store's answer for every user. */
	private static UserTagMapper tags(List<String> userTags) {
		return new UserTagMapper() {

			@Override
			public List<String> findTags(long userId) {
				return userTags;
			}

			@Override
			public int deleteTags(long userId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void insert(long userId, String tag, Instant now) {
				throw new UnsupportedOperationException();
			}

		};
	}

}
