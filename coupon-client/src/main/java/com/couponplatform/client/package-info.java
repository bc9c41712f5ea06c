/**
 * The README walkthrough through the Java clients openapi-generator writes from the
 * committed OpenAPI documents (packages {@code com.couponplatform.client.api} and
 * {@code .admin}, generated into target/ at build time).
 */
package com.couponplatform.client;
