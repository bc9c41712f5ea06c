package com.couponplatform.shared;

/**
 * One invalid input field and what is wrong with it.
 *
 * @param field the field's JSON path, for example {@code validity.days}
 * @param message what is wrong, for a person to read
 */
public record FieldViolation(String field, String message) {
}
