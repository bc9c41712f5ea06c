package com.couponplatform.redemption;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

/**
 * The shapes of generated codes that end with a check character, read from the batches
 * and kept for a few seconds: a typed code of such a shape whose check character is wrong
 * is refused before any code table is read.
 */
@Component
class CheckedShapes {

	private final LoadingCache<Boolean, List<CodeShape>> shapes;

	CheckedShapes(CodeBatchMapper batches, CodeBatchProperties properties) {
		Duration refresh = properties.getShapesRefresh();
		this.shapes = Caffeine.newBuilder().expireAfterWrite(refresh).build((key) -> batches.findCheckedShapes());
	}

	/**
	 * Whether a code is mistyped as far as its shape can tell.
	 * @param code a normalised code
	 * @return {@code true} when it has a checked shape and its check character is wrong
	 */
	boolean isMistyped(String code) {
		return isMistyped(this.shapes.get(Boolean.TRUE), code);
	}

	/**
	 * Whether a code has one of the shapes and a wrong check character.
	 * @param shapes shapes with check characters
	 * @param code a normalised code
	 * @return {@code true} when it has such a shape and its check character is wrong
	 */
	static boolean isMistyped(List<CodeShape> shapes, String code) {
		for (CodeShape shape : shapes) {
			if (shape.matches(code)) {
				return !CodeAlphabet.hasValidCheckCharacter(code);
			}
		}
		return false;
	}

}
