/**
 * Value types every capability speaks: problems and their codes, field violations, IDs.
 */
package com.couponplatform.shared;
