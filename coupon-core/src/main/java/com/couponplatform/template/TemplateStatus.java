package com.couponplatform.template;

import java.util.Set;

/**
 * A template's lifecycle: DRAFT → ACTIVE ⇄ PAUSED → ENDED. Only ACTIVE templates can be
 * claimed.
 */
public enum TemplateStatus {

	DRAFT, ACTIVE, PAUSED, ENDED;

	/**
	 * Tells whether a template may move from this status to another.
	 * @param next the wanted status
	 * @return whether the lifecycle allows it
	 */
	public boolean canMoveTo(TemplateStatus next) {
		return switch (this) {
			case DRAFT -> Set.of(ACTIVE, ENDED).contains(next);
			case ACTIVE -> Set.of(PAUSED, ENDED).contains(next);
			case PAUSED -> Set.of(ACTIVE, ENDED).contains(next);
			case ENDED -> false;
		};
	}

}
