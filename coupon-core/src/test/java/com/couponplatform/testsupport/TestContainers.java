package com.couponplatform.testsupport;

import java.time.Duration;

import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * MySQL, Redis and RocketMQ containers for {@code COUPON_TEST_ENV=docker|auto}, started
 * once per JVM and left to Testcontainers' reaper.
 *
 * <p>
 * RocketMQ clients connect to the broker address the name server hands out, so the broker
 * advertises 127.0.0.1 and its port is mapped to the same port on the host.
 */
final class TestContainers {

	static final String MYSQL_PASSWORD = "coupon-test";

	private static final int BROKER_PORT = 40911;

	private static GenericContainer<?> mysql;

	private static GenericContainer<?> redis;

	private static GenericContainer<?> rocketMq;

	private TestContainers() {
	}

	static synchronized GenericContainer<?> mysql() {
		if (mysql == null) {
			mysql = new GenericContainer<>("mysql:8.4").withEnv("MYSQL_ROOT_PASSWORD", MYSQL_PASSWORD)
				.withExposedPorts(3306)
				.waitingFor(Wait.forLogMessage(".*ready for connections.*port: 3306.*", 1))
				.withStartupTimeout(Duration.ofMinutes(3));
			mysql.start();
		}
		return mysql;
	}

	static synchronized GenericContainer<?> redis() {
		if (redis == null) {
			redis = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);
			redis.start();
		}
		return redis;
	}

	@SuppressWarnings("deprecation")
	static synchronized GenericContainer<?> rocketMq() {
		if (rocketMq == null) {
			String broker = "printf 'brokerIP1=127.0.0.1\\nlistenPort=" + BROKER_PORT
					+ "\\nautoCreateTopicEnable=true\\n' > /tmp/broker.conf && (./mqnamesrv &) && sleep 3 && "
					+ "./mqbroker -n 127.0.0.1:9876 -c /tmp/broker.conf";
			rocketMq = new FixedHostPortGenericContainer<>("apache/rocketmq:5.3.2")
				.withFixedExposedPort(BROKER_PORT, BROKER_PORT)
				.withExposedPorts(9876)
				.withWorkingDirectory("/home/rocketmq/rocketmq-5.3.2/bin")
				.withCommand("sh", "-c", broker)
				.waitingFor(Wait.forLogMessage(".*boot success.*", 1))
				.withStartupTimeout(Duration.ofMinutes(3));
			rocketMq.start();
		}
		return rocketMq;
	}

}
