package com.couponplatform.targeting;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Decides whether a user is targeted by an expression: their tags are those of the local
 * store plus, when configured, those of the remote tag service; when the remote service
 * cannot answer, the template's fallback decides.
 */
@Component
@EnableConfigurationProperties(TagsProperties.class)
public class Eligibility {

	private final UserTagMapper localTags;

	private final Optional<RemoteTagSource> remote;

	Eligibility(UserTagMapper localTags, TagsProperties properties, ObjectMapper json) {
		this.localTags = localTags;
		boolean configured = properties.getRemoteUrl() != null && !properties.getRemoteUrl().isBlank();
		this.remote = configured ? Optional.of(new RemoteTagSource(properties, json)) : Optional.empty();
	}

	/**
	 * Tells whether the user is targeted.
	 * @param userId the user
	 * @param targeting the expression, or {@code null} for everyone
	 * @param fallback the decision when the remote tag service cannot answer
	 * @return whether the user may go on
	 */
	public boolean isEligible(long userId, TagExpression targeting, TagFallback fallback) {
		if (targeting == null) {
			return true;
		}
		Set<String> tags = new HashSet<>(this.localTags.findTags(userId));
		if (this.remote.isPresent()) {
			try {
				tags.addAll(this.remote.get().tagsOf(userId));
			}
			catch (TagSourceUnavailableException ex) {
				return fallback == TagFallback.ALLOW;
			}
		}
		return targeting.matches(tags);
	}

	Optional<RemoteTagSource> remote() {
		return this.remote;
	}

}
