package com.couponplatform.targeting;

import java.util.Set;

/**
 * A parsed tag expression such as {@code vip AND (new_user OR NOT churned)}; decides
 * whether a user with a given set of tags is targeted.
 */
public sealed interface TagExpression
		permits TagExpression.Tag, TagExpression.Not, TagExpression.And, TagExpression.Or {

	/**
	 * Tells whether a user carrying these tags is targeted.
	 * @param userTags the user's tags
	 * @return whether the expression holds
	 */
	boolean matches(Set<String> userTags);

	/**
	 * The expression in canonical form: keywords upper case, one space around them,
	 * parentheses only where precedence needs them. Parsing it again gives an equal
	 * expression.
	 * @return the canonical text
	 */
	String canonical();

	/**
	 * A single tag: holds when the user carries it.
	 *
	 * @param name the tag
	 */
	record Tag(String name) implements TagExpression {

		@Override
		public boolean matches(Set<String> userTags) {
			return userTags.contains(this.name);
		}

		@Override
		public String canonical() {
			return this.name;
		}

	}

	/**
	 * Negation.
	 *
	 * @param operand the negated expression
	 */
	record Not(TagExpression operand) implements TagExpression {

		@Override
		public boolean matches(Set<String> userTags) {
			return !this.operand.matches(userTags);
		}

		@Override
		public String canonical() {
			return "NOT " + ((this.operand instanceof Tag || this.operand instanceof Not) ? this.operand.canonical()
					: "(" + this.operand.canonical() + ")");
		}

	}

	/**
	 * Conjunction.
	 *
	 * @param left the left operand
	 * @param right the right operand
	 */
	record And(TagExpression left, TagExpression right) implements TagExpression {

		@Override
		public boolean matches(Set<String> userTags) {
			return this.left.matches(userTags) && this.right.matches(userTags);
		}

		@Override
		public String canonical() {
			return operand(this.left) + " AND " + operand(this.right);
		}

		private static String operand(TagExpression operand) {
			return (operand instanceof Or) ? "(" + operand.canonical() + ")" : operand.canonical();
		}

	}

	/**
	 * Disjunction.
	 *
	 * @param left the left operand
	 * @param right the right operand
	 */
	record Or(TagExpression left, TagExpression right) implements TagExpression {

		@Override
		public boolean matches(Set<String> userTags) {
			return this.left.matches(userTags) || this.right.matches(userTags);
		}

		@Override
		public String canonical() {
			return this.left.canonical() + " OR " + this.right.canonical();
		}

	}

}
