/**
 * Builds legacy mall databases for tests and benchmarks: the monolith's tables, and a
 * reproducible generator of their data with every quirk the migration must handle.
 */
package com.couponplatform.migrationtool.legacy;
