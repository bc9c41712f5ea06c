package com.couponplatform.admin.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.template.ChangeTemplateStatus;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateStatus;

/**
 * A lifecycle button of the template page: the status it moves to, and the question its
 * confirmation asks.
 */
enum LifecycleAction {

	PUBLISH(Set.of(TemplateStatus.DRAFT), "Publish: users can claim it from its claim start."),

	PAUSE(Set.of(TemplateStatus.ACTIVE), "Pause: claims stop until it is resumed."),

	RESUME(Set.of(TemplateStatus.PAUSED), "Resume: claims start again."),

	END(Set.of(TemplateStatus.DRAFT, TemplateStatus.ACTIVE, TemplateStatus.PAUSED),
			"End: no more claims, ever. This cannot be undone.");

	/** The statuses it moves from, as ChangeTemplateStatus allows. */
	private final Set<TemplateStatus> from;

	private final String confirmation;

	LifecycleAction(Set<TemplateStatus> from, String confirmation) {
		this.from = from;
		this.confirmation = confirmation;
	}

	static LifecycleAction named(String name) {
		return Arrays.stream(values())
			.filter((action) -> action.path().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("action", "must be publish, pause, resume or end"));
	}

	/** Whether the button shows for a template in this status. */
	boolean appliesTo(TemplateStatus status) {
		return this.from.contains(status);
	}

	CouponTemplate apply(ChangeTemplateStatus change, long templateId, String operator) {
		return switch (this) {
			case PUBLISH -> change.publish(templateId, operator);
			case PAUSE -> change.pause(templateId, operator);
			case RESUME -> change.resume(templateId, operator);
			case END -> change.end(templateId, operator);
		};
	}

	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
	}

	public String confirmation() {
		return this.confirmation;
	}

}
