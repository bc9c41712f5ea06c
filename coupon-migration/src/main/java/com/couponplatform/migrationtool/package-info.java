/**
 * The migration module's operator tools: the command line that applies the schema and
 * locates users, and (as the cutover lands) copy, backfill, verification and cutover
 * steps.
 */
package com.couponplatform.migrationtool;
