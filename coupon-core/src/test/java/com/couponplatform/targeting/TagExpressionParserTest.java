package com.couponplatform.targeting;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TagExpressionParserTest {

	@Test
	void evaluatesTheProductExample() {
		TagExpression expression = TagExpressionParser.parse("vip AND (new_user OR NOT churned)");
		assertThat(expression.matches(Set.of("vip", "new_user"))).isTrue();
		assertThat(expression.matches(Set.of("vip"))).isTrue();
		assertThat(expression.matches(Set.of("vip", "churned"))).isFalse();
		assertThat(expression.matches(Set.of("vip", "churned", "new_user"))).isTrue();
		assertThat(expression.matches(Set.of("new_user"))).isFalse();
		assertThat(expression.matches(Set.of())).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "a OR b AND c | a OR b AND c", "(a OR b) AND c | (a OR b) AND c", "not not a | NOT NOT a",
					"a and not (b or c) | a AND NOT (b OR c)", "  a   Or b | a OR b",
					"orders AND android | orders AND android", "x:1 AND y.2 AND z-3 | x:1 AND y.2 AND z-3" })
	void bindsNotTighterThanAndTighterThanOr(String text, String canonical) {
		TagExpression expression = TagExpressionParser.parse(text);
		assertThat(expression.canonical()).isEqualTo(canonical);
		assertThat(TagExpressionParser.parse(expression.canonical())).isEqualTo(expression);
	}

	@Test
	void givesAndPrecedenceOverOr() {
		TagExpression expression = TagExpressionParser.parse("a OR b AND c");
		assertThat(expression.matches(Set.of("a"))).isTrue();
		assertThat(expression.matches(Set.of("b"))).isFalse();
		assertThat(expression.matches(Set.of("b", "c"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "a AND", "AND a", "(a OR b", "a OR b)", "a b", "a AND (", "vip & new", "NOT",
			"a OR OR b", "()" })
	void refusesMalformedExpressions(String text) {
		assertThatExceptionOfType(InvalidTagExpressionException.class)
			.isThrownBy(() -> TagExpressionParser.parse(text));
	}

	@Test
	void pointsAtTheProblem() {
		assertThatExceptionOfType(InvalidTagExpressionException.class)
			.isThrownBy(() -> TagExpressionParser.parse("vip AND (new OR"))
			.satisfies((ex) -> assertThat(ex.position()).isEqualTo(15))
			.withMessageContaining("expected a tag at the end");
	}

	@Test
	void boundsLengthTagsAndNesting() {
		assertThatExceptionOfType(InvalidTagExpressionException.class)
			.isThrownBy(() -> TagExpressionParser.parse("a".repeat(TagExpressionParser.MAX_LENGTH + 1)));
		StringBuilder manyTags = new StringBuilder("t0");
		for (int i = 1; i <= TagExpressionParser.MAX_TAGS; i++) {
			manyTags.append(" OR t").append(i);
		}
		assertThatExceptionOfType(InvalidTagExpressionException.class)
			.isThrownBy(() -> TagExpressionParser.parse(manyTags.toString()))
			.withMessageContaining("distinct tags");
		String deep = "(".repeat(TagExpressionParser.MAX_DEPTH + 1) + "a"
				+ ")".repeat(TagExpressionParser.MAX_DEPTH + 1);
		assertThatExceptionOfType(InvalidTagExpressionException.class).isThrownBy(() -> TagExpressionParser.parse(deep))
			.withMessageContaining("nesting");
	}

}
