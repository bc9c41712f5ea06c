package com.couponplatform.gateway.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Group commit for the guarded counter: concurrent claims of one template take their
 * units in one {@code UPDATE … SET issued = issued + k WHERE issued + k <= total_stock}
 * instead of k updates queueing for the same row lock — the hot row of a flash sale.
 *
 * <p>
 * The first claim to arrive while no update of its template is running becomes the
 * leader: it drains the waiting claims and runs one update for all of them, then the next
 * batch, until none waits. When the guard refuses a batch (fewer units left than claims,
 * or the template stopped), each claim of it is tried alone, so the last units are still
 * handed out one by one and every refusal is a real one. Semantics are those of k single
 * takes: the counter never passes the total, and each unit taken is given back alone if
 * its row is not written.
 */
@Component
class CounterBatcher {

	private static final long WAIT_SECONDS = 30;

	private final StockMapper templates;

	private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();

	CounterBatcher(StockMapper templates) {
		this.templates = templates;
	}

	/**
	 * Takes one unit of the template's guarded counter.
	 * @return whether it was taken; {@code false} when the guard refuses
	 */
	boolean take(long templateId, Instant now) {
		Lane lane = this.lanes.computeIfAbsent(templateId, (id) -> new Lane());
		CompletableFuture<Boolean> taken = new CompletableFuture<>();
		lane.waiting.add(taken);
		lead(templateId, lane, now);
		try {
			return taken.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while taking stock", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			// Whether a leader's update took this unit is unknown; reconciliation returns
			// a unit taken without a row.
			throw new IllegalStateException("Timed out taking stock of template " + templateId, ex);
		}
	}

	/**
	 * Runs batches while claims wait and nobody else leads. A leader checks the queue
	 * again after stepping down, so a claim queued while it was finishing (whose own
	 * attempt to lead failed) is never left without one: waiters simply block.
	 */
	private void lead(long templateId, Lane lane, Instant now) {
		while (!lane.waiting.isEmpty() && lane.running.compareAndSet(false, true)) {
			try {
				while (!lane.waiting.isEmpty()) {
					flush(templateId, lane, now);
				}
			}
			finally {
				lane.running.set(false);
			}
		}
	}

	private void flush(long templateId, Lane lane, Instant now) {
		List<CompletableFuture<Boolean>> batch = new ArrayList<>();
		for (CompletableFuture<Boolean> next = lane.waiting.poll(); next != null; next = lane.waiting.poll()) {
			batch.add(next);
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			if (batch.size() > 1 && this.templates.takeStocks(templateId, batch.size(), now) == 1) {
				batch.forEach((waiter) -> waiter.complete(true));
				return;
			}
			for (CompletableFuture<Boolean> waiter : batch) {
				waiter.complete(this.templates.takeStock(templateId, now) == 1);
			}
		}
		catch (RuntimeException ex) {
			batch.forEach((waiter) -> waiter.completeExceptionally(ex));
		}
	}

	private static final class Lane {

		private final ConcurrentLinkedQueue<CompletableFuture<Boolean>> waiting = new ConcurrentLinkedQueue<>();

		private final AtomicBoolean running = new AtomicBoolean();

	}

}
