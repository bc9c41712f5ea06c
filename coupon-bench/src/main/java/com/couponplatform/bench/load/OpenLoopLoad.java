package com.couponplatform.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open loop: call i is due at {@code start + i / rate} whatever happened to the calls
 * before it, and its latency runs from that due time, not from when it could be sent. A
 * stalled service therefore shows its stall in every call that was due during it (no
 * coordinated omission). Calls beyond {@value #MAX_OUTSTANDING} in flight are not sent
 * and count as status -2: the generator does not silently slow down.
 */
public final class OpenLoopLoad {

	static final int MAX_OUTSTANDING = 4000;

	private OpenLoopLoad() {
	}

	public static LoadResult run(HttpClient client, List<LoadRequest> requests, double ratePerSecond)
			throws InterruptedException {
		Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		CountDownLatch done = new CountDownLatch(requests.size());
		AtomicInteger outstanding = new AtomicInteger();
		double intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
		long start = System.nanoTime();
		for (int i = 0; i < requests.size(); i++) {
			long due = start + (long) (i * intervalNanos);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (outstanding.get() >= MAX_OUTSTANDING) {
				statuses.merge(-2, 1, Integer::sum);
				done.countDown();
				continue;
			}
			outstanding.incrementAndGet();
			client.sendAsync(requests.get(i).http(), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latency.recordValue(Math.min((System.nanoTime() - due) / 1000, latency.getHighestTrackableValue()));
					statuses.merge((failure == null) ? response.statusCode() : -1, 1, Integer::sum);
					outstanding.decrementAndGet();
					done.countDown();
				});
		}
		done.await(2, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new LoadResult(requests.size(), seconds, statuses, latency);
	}

}
