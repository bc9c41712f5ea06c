package com.couponplatform.bench.load;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What a load run measured: answers by status, its achieved rate, and latencies in
 * microseconds (from the scheduled send time in an open-loop run).
 */
public record LoadResult(int sent, double seconds, Map<Integer, Integer> statuses, Histogram latencyMicros) {

	public double rate() {
		return this.sent / this.seconds;
	}

	public int status(int status) {
		return this.statuses.getOrDefault(status, 0);
	}

	public double percentileMillis(double percentile) {
		return this.latencyMicros.getValueAtPercentile(percentile) / 1000.0;
	}

	public String describeStatuses() {
		return new TreeMap<>(this.statuses).toString();
	}

}
