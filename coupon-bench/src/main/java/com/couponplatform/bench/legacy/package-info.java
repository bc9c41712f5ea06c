/**
 * The legacy generator's benchmark: {@code ./deploy/migrate.sh legacy-generate}, run as
 * an operator runs it, against copying the same rows inside the server.
 */
package com.couponplatform.bench.legacy;
