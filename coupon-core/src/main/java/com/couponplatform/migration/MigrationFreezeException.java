package com.couponplatform.migration;

import com.couponplatform.shared.ProblemCode;
import com.couponplatform.shared.RuleViolationException;

/**
 * A back-office change refused while a migration freezes what it would change.
 */
public class MigrationFreezeException extends RuleViolationException {

	MigrationFreezeException() {
		super(ProblemCode.MIGRATION_FREEZE,
				"A migration freezes the back office: templates, the blacklist, codes and jobs cannot change before "
						+ "the migration reaches DUAL_WRITE_OFF");
	}

}
