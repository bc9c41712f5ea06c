package com.couponplatform.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Saturation: a fixed number of workers send the prepared calls back to back, each
 * waiting for its answer. Its rate is the peak the service sustains; its latencies are
 * not a service-level figure (a closed loop waits out every stall), so the report takes
 * latency from {@link OpenLoopLoad} only.
 */
public final class ClosedLoopLoad {

	private ClosedLoopLoad() {
	}

	public static LoadResult run(HttpClient client, List<LoadRequest> requests, int workers)
			throws InterruptedException {
		Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
		Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		long start = System.nanoTime();
		for (int w = 0; w < workers; w++) {
			pool.execute(() -> {
				for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
					long sent = System.nanoTime();
					int status;
					try {
						status = client.send(requests.get(i).http(), HttpResponse.BodyHandlers.discarding())
							.statusCode();
					}
					catch (Exception ex) {
						status = -1;
					}
					latency
						.recordValue(Math.min((System.nanoTime() - sent) / 1000, latency.getHighestTrackableValue()));
					statuses.merge(status, 1, Integer::sum);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		return new LoadResult(requests.size(), seconds, statuses, latency);
	}

}
