package com.couponplatform.identifier;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snowflake worker-ID lease against a real Redis: live processes never share an ID,
 * and a process whose lease may have lapsed issues no ID until it holds one again.
 */
@RealServices
class WorkerIdLeaseIT {

	private final String prefix = TestServices.uniquePrefix() + ":";

	private final List<RedissonClient> clients = new ArrayList<>();

	private final List<WorkerIdLease> leases = new ArrayList<>();

	/** Another process's view of Redis. */
	private final RedissonClient observer = client();

	@AfterEach
	void close() {
		this.leases.forEach(WorkerIdLease::close);
		this.clients.stream().filter((client) -> !client.isShutdown()).forEach(RedissonClient::shutdown);
	}

	@Test
	void givesTwoLiveProcessesDifferentWorkerIds() {
		WorkerIdLease first = lease(client(), Duration.ofSeconds(30));
		WorkerIdLease second = lease(client(), Duration.ofSeconds(30));

		assertThat(first.workerId()).isBetween(0, SnowflakeIdGenerator.MAX_WORKER_ID).isNotEqualTo(second.workerId());
		assertThat(this.observer.getKeys().countExists(key(first.workerId()), key(second.workerId()))).isEqualTo(2);
		SnowflakeIdGenerator a = new SnowflakeIdGenerator(Clock.systemUTC(), first::workerId);
		SnowflakeIdGenerator b = new SnowflakeIdGenerator(Clock.systemUTC(), second::workerId);
		assertThat(a.nextId()).isNotEqualTo(b.nextId());
	}

	@Test
	void takesAnotherIdWhenItsIdWasLeasedToAnotherProcess() throws InterruptedException {
		WorkerIdLease lease = lease(client(), Duration.ofMillis(600));
		int taken = lease.workerId();
		// As after a pause longer than the TTL: the key expired and another process took
		// it.
		this.observer.getBucket(key(taken), StringCodec.INSTANCE).set("another-process", Duration.ofSeconds(30));

		int next = taken;
		for (int i = 0; i < 50 && next == taken; i++) {
			Thread.sleep(100);
			next = lease.workerId();
		}

		assertThat(next).isNotEqualTo(taken);
		assertThat(this.observer.getBucket(key(taken), StringCodec.INSTANCE).get()).isEqualTo("another-process");
	}

	@Test
	void issuesNoIdOnceItsLeaseMayHaveLapsedWithoutRenewal() throws InterruptedException {
		RedissonClient unreachable = client();
		WorkerIdLease lease = lease(unreachable, Duration.ofMillis(500));
		int taken = lease.workerId();
		SnowflakeIdGenerator ids = new SnowflakeIdGenerator(Clock.systemUTC(), lease::workerId);
		assertThat(ids.nextId()).isPositive();

		// Redis out of reach: no renewal succeeds, and the TTL runs out.
		unreachable.shutdown();
		Thread.sleep(800);

		assertThatThrownBy(lease::workerId).isInstanceOf(RuntimeException.class);
		assertThatThrownBy(ids::nextId).isInstanceOf(RuntimeException.class);
		assertThat(this.observer.getKeys().countExists(key(taken))).isZero();
	}

	@Test
	void refusesToStartWhenEveryIdIsLeased() {
		for (int id = 0; id <= SnowflakeIdGenerator.MAX_WORKER_ID; id++) {
			this.observer.getBucket(key(id), StringCodec.INSTANCE).set("someone", Duration.ofSeconds(30));
		}

		assertThatIllegalStateException().isThrownBy(() -> lease(this.observer, Duration.ofSeconds(30)))
			.withMessageContaining("snowflake worker IDs are leased");
	}

	private WorkerIdLease lease(RedissonClient client, Duration ttl) {
		WorkerIdLease lease = new WorkerIdLease(client, this.prefix, ttl);
		this.leases.add(lease);
		return lease;
	}

	private String key(int id) {
		return this.prefix + "snowflake:worker:" + id;
	}

	private RedissonClient client() {
		Config config = new Config();
		config.setCodec(StringCodec.INSTANCE);
		config.useSingleServer()
			.setAddress("redis://" + TestServices.redisHost() + ":" + TestServices.redisPort())
			.setConnectionMinimumIdleSize(1)
			.setConnectionPoolSize(2)
			.setTimeout(1000)
			.setRetryAttempts(0);
		RedissonClient client = Redisson.create(config);
		this.clients.add(client);
		return client;
	}

}
