/**
 * Serving from the legacy database against serving from the platform's shards: the same
 * claims and wallet reads on a platform in phase NONE and on one in front of a legacy
 * database (phase LEGACY), in one run of {@code ./deploy/bench.sh serving}.
 */
package com.couponplatform.bench.serving;
