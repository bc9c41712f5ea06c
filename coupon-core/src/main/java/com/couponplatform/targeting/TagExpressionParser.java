package com.couponplatform.targeting;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Parses tag expressions: tags are {@code [A-Za-z0-9_.:-]+}; {@code NOT} binds tighter
 * than {@code AND}, which binds tighter than {@code OR}; keywords in any case;
 * parentheses group. Bounded in length, tags and nesting so that an operator's typo
 * cannot become a denial of service on every claim.
 */
public final class TagExpressionParser {

	public static final int MAX_LENGTH = 1000;

	public static final int MAX_TAGS = 64;

	public static final int MAX_DEPTH = 32;

	private final String text;

	private final Set<String> tags = new HashSet<>();

	private int position;

	private int depth;

	private TagExpressionParser(String text) {
		this.text = text;
	}

	/**
	 * Parses an expression.
	 * @param text the expression as an operator wrote it
	 * @return the parsed expression
	 * @throws InvalidTagExpressionException naming what is wrong and where
	 */
	public static TagExpression parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidTagExpressionException("the expression is empty", 0);
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidTagExpressionException("the expression is longer than " + MAX_LENGTH + " characters",
					MAX_LENGTH);
		}
		TagExpressionParser parser = new TagExpressionParser(text);
		TagExpression expression = parser.or();
		parser.skipSpaces();
		if (parser.position < text.length()) {
			throw new InvalidTagExpressionException("unexpected '" + text.charAt(parser.position) + "'",
					parser.position);
		}
		return expression;
	}

	private TagExpression or() {
		TagExpression left = and();
		while (keyword("OR")) {
			left = new TagExpression.Or(left, and());
		}
		return left;
	}

	private TagExpression and() {
		TagExpression left = unary();
		while (keyword("AND")) {
			left = new TagExpression.And(left, unary());
		}
		return left;
	}

	private TagExpression unary() {
		if (keyword("NOT")) {
			return nested(() -> new TagExpression.Not(unary()));
		}
		skipSpaces();
		if (this.position < this.text.length() && this.text.charAt(this.position) == '(') {
			int open = this.position++;
			TagExpression inner = nested(this::or);
			skipSpaces();
			if (this.position >= this.text.length() || this.text.charAt(this.position) != ')') {
				throw new InvalidTagExpressionException("the parenthesis opened at " + open + " is not closed",
						this.position);
			}
			this.position++;
			return inner;
		}
		return tag();
	}

	private TagExpression nested(java.util.function.Supplier<TagExpression> inner) {
		if (++this.depth > MAX_DEPTH) {
			throw new InvalidTagExpressionException("nesting deeper than " + MAX_DEPTH, this.position);
		}
		TagExpression expression = inner.get();
		this.depth--;
		return expression;
	}

	private TagExpression tag() {
		skipSpaces();
		int start = this.position;
		while (this.position < this.text.length() && isTagCharacter(this.text.charAt(this.position))) {
			this.position++;
		}
		String name = this.text.substring(start, this.position);
		if (name.isEmpty()) {
			throw new InvalidTagExpressionException((start < this.text.length())
					? "expected a tag, found '" + this.text.charAt(start) + "'" : "expected a tag at the end", start);
		}
		if (isKeyword(name)) {
			throw new InvalidTagExpressionException("expected a tag, found the keyword " + name, start);
		}
		this.tags.add(name);
		if (this.tags.size() > MAX_TAGS) {
			throw new InvalidTagExpressionException("more than " + MAX_TAGS + " distinct tags", start);
		}
		return new TagExpression.Tag(name);
	}

	private boolean keyword(String keyword) {
		skipSpaces();
		int end = this.position + keyword.length();
		if (end > this.text.length() || !this.text.substring(this.position, end).equalsIgnoreCase(keyword)) {
			return false;
		}
		// "ORDERS" is a tag, not OR followed by DERS.
		if (end < this.text.length() && isTagCharacter(this.text.charAt(end))) {
			return false;
		}
		this.position = end;
		return true;
	}

	private void skipSpaces() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private static boolean isKeyword(String word) {
		String upper = word.toUpperCase(Locale.ROOT);
		return upper.equals("AND") || upper.equals("OR") || upper.equals("NOT");
	}

	private static boolean isTagCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == ':' || c == '-';
	}

}
