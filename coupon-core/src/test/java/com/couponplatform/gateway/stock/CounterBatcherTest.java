package com.couponplatform.gateway.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The group commit's logic against a counter with the database guard's semantics (the
 * mapper is the boundary, played here by an in-memory row with a delay per statement).
 */
class CounterBatcherTest {

	private static final long TOTAL = 150;

	private final AtomicLong issued = new AtomicLong();

	private final AtomicInteger statements = new AtomicInteger();

	private final AtomicInteger largestBatch = new AtomicInteger();

	@Test
	void concurrentTakesNeverPassTheTotalAndShareStatements() throws Exception {
		StockMapper templates = mock(StockMapper.class);
		given(templates.takeStock(anyLong(), any())).willAnswer((call) -> guardedAdd(1));
		given(templates.takeStocks(anyLong(), anyInt(), any()))
			.willAnswer((call) -> guardedAdd(call.<Integer>getArgument(1)));
		CounterBatcher batcher = new CounterBatcher(templates);

		int claims = 200;
		ExecutorService pool = Executors.newFixedThreadPool(64);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> takes = new ArrayList<>();
		for (int i = 0; i < claims; i++) {
			takes.add(pool.submit(() -> {
				start.await();
				return batcher.take(7, Instant.now());
			}));
		}
		start.countDown();
		int taken = 0;
		for (Future<Boolean> take : takes) {
			taken += take.get(30, TimeUnit.SECONDS) ? 1 : 0;
		}
		pool.shutdown();

		assertThat(taken).isEqualTo(TOTAL);
		assertThat(this.issued.get()).isEqualTo(TOTAL);
		assertThat(this.largestBatch.get()).isGreaterThan(1);
		assertThat(this.statements.get()).isLessThan(claims + claims);
	}

	/** {@code issued + units <= total}, all or nothing, like the UPDATE's guard. */
	private int guardedAdd(int units) throws InterruptedException {
		this.statements.incrementAndGet();
		Thread.sleep(2);
		synchronized (this.issued) {
			if (this.issued.get() + units > TOTAL) {
				return 0;
			}
			this.issued.addAndGet(units);
		}
		this.largestBatch.accumulateAndGet(units, Math::max);
		return 1;
	}

}
