package com.couponplatform.bench.claim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.redisson.api.RLock;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import com.couponplatform.gateway.stock.StockGate;
import com.couponplatform.redis.LuaScript;

/**
 * Redis-side baselines measured in the same run as the HTTP load: the raw rate of the
 * claim's own script sent by {@code EVALSHA} with nothing else around it, and the same
 * gate built the common way — a Redisson lock per template around reads and writes.
 */
final class RedisBaselines {

	private static final LuaScript TAKE = new LuaScript(StockGate.TAKE_SCRIPT, RScript.ReturnType.INTEGER);

	private final RedissonClient redis;

	private final String prefix;

	private final String host;

	private final int port;

	RedisBaselines(RedissonClient redis, String prefix, String host, int port) {
		this.redis = redis;
		this.prefix = prefix + "bench:";
		this.host = host;
		this.port = port;
	}

	/**
	 * Runs the claim script back to back, {@code inFlight} calls outstanding at a time.
	 * @return script calls per second
	 */
	double evalshaRate(double seconds, int inFlight) throws InterruptedException {
		List<Object> keys = List.of(key("{raw}:stock"), key("{raw}:users"), key("{raw}:requests"),
				key("{raw}:pending"));
		this.redis.getMap(key("{raw}:stock"), StringCodec.INSTANCE)
			.putAll(Map.of("remaining", "1000000000", "total", "1000000000", "version", "0"));
		TAKE.run(this.redis, keys, "0", "warm", "1", "0", "1000000000", "0", "3600");
		AtomicLong calls = new AtomicLong();
		AtomicLong users = new AtomicLong();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		CountDownLatch finished = new CountDownLatch(inFlight);
		RScript script = this.redis.getScript(StringCodec.INSTANCE);
		long start = System.nanoTime();
		for (int i = 0; i < inFlight; i++) {
			sendNext(script, keys, users, calls, deadline, finished);
		}
		finished.await();
		double rate = calls.get() / ((System.nanoTime() - start) / 1e9);
		this.redis.getKeys().delete(keys.stream().map(Object::toString).toArray(String[]::new));
		return rate;
	}

	private void sendNext(RScript script, List<Object> keys, AtomicLong users, AtomicLong calls, long deadline,
			CountDownLatch finished) {
		if (System.nanoTime() >= deadline) {
			finished.countDown();
			return;
		}
		long user = users.incrementAndGet();
		script
			.evalShaAsync(RScript.Mode.READ_WRITE, TAKE.sha(), RScript.ReturnType.INTEGER, keys, Long.toString(user),
					user + ":CLAIM:r", "1", Long.toString(System.currentTimeMillis()), "1000000000", "0", "3600")
			.whenComplete((result, failure) -> {
				calls.incrementAndGet();
				sendNext(script, keys, users, calls, deadline, finished);
			});
	}

	/**
	 * The same gate with a Redisson lock per template: lock, read the stock and the
	 * user's count, write both, unlock — from {@code threads} threads.
	 * @return gate decisions per second
	 */
	double lockedGateRate(double seconds, int threads) throws InterruptedException {
		RMap<String, String> stock = this.redis.getMap(key("{locked}:stock"), StringCodec.INSTANCE);
		RMap<String, String> usersMap = this.redis.getMap(key("{locked}:users"), StringCodec.INSTANCE);
		stock.put("remaining", "1000000000");
		RLock lock = this.redis.getLock(key("{locked}:lock"));
		AtomicLong calls = new AtomicLong();
		AtomicLong users = new AtomicLong();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long start = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			pool.execute(() -> {
				while (System.nanoTime() < deadline) {
					String user = Long.toString(users.incrementAndGet());
					lock.lock();
					try {
						long remaining = Long.parseLong(stock.get("remaining"));
						String used = usersMap.get(user);
						if (remaining > 0 && used == null) {
							stock.put("remaining", Long.toString(remaining - 1));
							usersMap.put(user, "1");
						}
					}
					finally {
						lock.unlock();
					}
					calls.incrementAndGet();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		double rate = calls.get() / ((System.nanoTime() - start) / 1e9);
		this.redis.getKeys().delete(key("{locked}:stock"), key("{locked}:users"));
		return rate;
	}

	/**
	 * {@code INFO commandstats}, read over a plain socket so the reading adds no Redisson
	 * traffic of its own to the count.
	 * @return calls per command
	 */
	Map<String, Long> commandCalls() throws IOException {
		try (Socket socket = new Socket(this.host, this.port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write("*2\r\n$4\r\nINFO\r\n$12\r\ncommandstats\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String header = readLine(in);
			int length = Integer.parseInt(header.substring(1));
			byte[] body = in.readNBytes(length);
			Map<String, Long> calls = new HashMap<>();
			for (String line : new String(body, StandardCharsets.UTF_8).split("\r\n")) {
				if (line.startsWith("cmdstat_")) {
					String name = line.substring("cmdstat_".length(), line.indexOf(':'));
					String stats = line.substring(line.indexOf(':') + 1);
					calls.put(name, Long.parseLong(stats.substring("calls=".length(), stats.indexOf(','))));
				}
			}
			return calls;
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private String key(String part) {
		return this.prefix + part;
	}

}
