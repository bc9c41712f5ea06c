package com.couponplatform.legacy;

import java.util.ArrayList;
import java.util.List;

import com.couponplatform.redemption.CodeAlphabet;

/**
 * Maps a legacy {@code t_coupon_code} row to the platform's code, and back: state 0 is a
 * code with its one use left, 1 a used one with its redemption, 2 (void) a used one with
 * none. Which legacy codes collide once normalised is a question about the whole table:
 * {@link CodeCollisions}.
 */
public final class CodeMapping {

	private static final String TABLE = "t_coupon_code";

	private final LegacyTime time;

	public CodeMapping(LegacyTime time) {
		this.time = time;
	}

	/**
	 * The platform's code for a legacy one.
	 * @param row the legacy row
	 * @param batchId the platform batch of the row's {@code (batch_no, tpl_id)}
	 * @return the code, or why it cannot be mapped
	 */
	public Mapping<MigratedCode> toNew(LegacyCode row, long batchId) {
		List<DataIssue> issues = new ArrayList<>();
		String normalised = CodeAlphabet.normalise(row.code());
		boolean owned = row.uid() != null && row.exchangeTime() != null;
		boolean unowned = row.uid() == null && row.exchangeTime() == null;
		boolean consistent = switch (row.state()) {
			case LegacyCode.NEW, LegacyCode.VOID -> unowned;
			case LegacyCode.EXCHANGED -> owned;
			default -> false;
		};
		if (!consistent || !CodeAlphabet.isWellFormed(normalised)) {
			issues.add(new DataIssue(DataIssue.Kind.BAD_CODE, TABLE, row.code(),
					"state=" + row.state() + " uid=" + row.uid() + " exchange_time=" + row.exchangeTime()));
			return new Mapping.Unmappable<>(issues);
		}
		return new Mapping.Mapped<>(new MigratedCode(normalised, batchId, (row.state() == LegacyCode.NEW) ? 1 : 0,
				row.uid(), this.time.toInstant(row.exchangeTime()), row.code()), issues);
	}

	/**
	 * The legacy row of a code.
	 * @param migrated the platform's code
	 * @param batch the legacy batch of its platform batch
	 * @return the legacy row
	 */
	public LegacyCode toLegacy(MigratedCode migrated, LegacyCodeBatch batch) {
		int state = (migrated.usesLeft() > 0) ? LegacyCode.NEW
				: (migrated.redeemedBy() != null) ? LegacyCode.EXCHANGED : LegacyCode.VOID;
		return new LegacyCode(migrated.codeAsTyped(), batch.tplId(), batch.batchNo(), state, migrated.redeemedBy(),
				this.time.toLocal(migrated.redeemedAt()));
	}

}
