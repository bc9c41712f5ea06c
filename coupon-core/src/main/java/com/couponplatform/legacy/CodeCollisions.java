package com.couponplatform.legacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.couponplatform.redemption.CodeAlphabet;

/**
 * Legacy codes that normalise to the same code ("ab-12" and "AB12"): the platform stores
 * one code per normalised form, so of each group the earliest (by batch, then by the code
 * as typed) keeps its place and every later one is imported void and reported.
 */
public final class CodeCollisions {

	private static final Comparator<LegacyCode> EARLIEST_FIRST = Comparator.comparing(LegacyCode::batchNo)
		.thenComparing(LegacyCode::code);

	private CodeCollisions() {
	}

	/**
	 * The codes that must be imported void, each with its issue.
	 * @param codes legacy code rows (of one table, or of one normalised form's shard)
	 * @return one issue per later code of a colliding group, naming the code it collides
	 * with
	 */
	public static List<DataIssue> laterDuplicates(List<LegacyCode> codes) {
		Map<String, List<LegacyCode>> byNormalised = new HashMap<>();
		for (LegacyCode code : codes) {
			byNormalised.computeIfAbsent(CodeAlphabet.normalise(code.code()), (key) -> new ArrayList<>()).add(code);
		}
		List<DataIssue> issues = new ArrayList<>();
		byNormalised.forEach((normalised, group) -> {
			group.sort(EARLIEST_FIRST);
			for (LegacyCode later : group.subList(1, group.size())) {
				issues.add(new DataIssue(DataIssue.Kind.DUPLICATE_NORMALISED_CODE, "t_coupon_code", later.code(),
						"normalises to " + normalised + " like " + group.get(0).code()));
			}
		});
		issues.sort(Comparator.comparing(DataIssue::key));
		return issues;
	}

}
