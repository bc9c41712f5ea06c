package com.couponplatform.claim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

import com.couponplatform.gateway.stock.StockGate;

/**
 * Confirms written claims to the gate in batches: removing a request from the pending set
 * is bookkeeping for reconciliation, so it need not cost the claim a second Redis round
 * trip. A confirmation lost in a crash is harmless: reconciliation finds the row and
 * drops the entry itself.
 */
class PendingConfirmations implements SmartLifecycle {

	private static final long FLUSH_MILLIS = 20;

	private final StockGate gate;

	private final ConcurrentLinkedQueue<Confirmation> queue = new ConcurrentLinkedQueue<>();

	private ScheduledExecutorService flusher;

	PendingConfirmations(StockGate gate) {
		this.gate = gate;
	}

	void add(long templateId, String requestKey) {
		this.queue.add(new Confirmation(templateId, requestKey));
	}

	/** Sends every queued confirmation now. */
	void flush() {
		Map<Long, List<String>> byTemplate = new HashMap<>();
		for (Confirmation next = this.queue.poll(); next != null; next = this.queue.poll()) {
			byTemplate.computeIfAbsent(next.templateId(), (id) -> new ArrayList<>()).add(next.requestKey());
		}
		byTemplate.forEach(this.gate::confirm);
	}

	@Override
	public void start() {
		this.flusher = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "claim-confirmations");
			thread.setDaemon(true);
			return thread;
		});
		this.flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.flusher != null) {
			this.flusher.shutdown();
			this.flusher = null;
			flush();
		}
	}

	@Override
	public boolean isRunning() {
		return this.flusher != null;
	}

	private record Confirmation(long templateId, String requestKey) {
	}

}
