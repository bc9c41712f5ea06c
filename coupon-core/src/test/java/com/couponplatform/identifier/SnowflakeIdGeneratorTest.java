package com.couponplatform.identifier;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnowflakeIdGeneratorTest {

	@Test
	void generatesIncreasingUniqueIdsWithinOneMillisecondAndBeyond() {
		SnowflakeIdGenerator generator = new SnowflakeIdGenerator(Clock.systemUTC(), () -> 7);
		Set<Long> seen = new HashSet<>();
		long previous = 0;
		for (int i = 0; i < 50_000; i++) {
			long id = generator.nextId();
			assertThat(id).isGreaterThan(previous);
			previous = id;
			seen.add(id);
		}
		assertThat(seen).hasSize(50_000);
	}

	@Test
	void givesDifferentWorkersDisjointIdsAtTheSameInstant() {
		Clock frozen = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
		long first = new SnowflakeIdGenerator(frozen, () -> 1).nextId();
		long second = new SnowflakeIdGenerator(frozen, () -> 2).nextId();
		assertThat(first).isNotEqualTo(second);
		assertThat((first >> SnowflakeIdGenerator.SEQUENCE_BITS) & SnowflakeIdGenerator.MAX_WORKER_ID).isEqualTo(1);
		assertThat((second >> SnowflakeIdGenerator.SEQUENCE_BITS) & SnowflakeIdGenerator.MAX_WORKER_ID).isEqualTo(2);
	}

}
