package com.couponplatform.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.couponplatform.gateway.GatewayFaultPoint;
import com.couponplatform.gateway.OldDatabase;
import com.couponplatform.migration.Epoch;
import com.couponplatform.migration.Phase;
import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.testsupport.LegacyMall;
import com.couponplatform.testsupport.RealServices;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OLD's phase fence against the real legacy database: a claim decided under LEGACY's
 * epoch, overtaken by a phase change (OLD's fence raised, then the phase stored, as the
 * worker does it), is refused by the fence, decided again under STATIC_FROZEN's epoch and
 * written once — with the journal entries STATIC_FROZEN's writes carry, which a write
 * decided under LEGACY does not.
 */
@RealServices
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LegacyPhaseFenceIT.PhaseChange.class)
class LegacyPhaseFenceIT {

	static final String PREFIX = TestServices.prefixDroppedAtExit();

	static final LegacyMall MALL = LegacyMall.create(PREFIX);

	static final long USER = 880_001;

	static final AtomicBoolean MOVE_ON_DECISION = new AtomicBoolean();

	static final List<Long> DECIDED_UNDER = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void legacy(DynamicPropertyRegistry registry) {
		ApiIntegrationTest.register(registry, PREFIX);
		registry.add("coupon.legacy.db.name", MALL::name);
	}

	@Test
	void aClaimDecidedUnderTheOldEpochIsRefusedByTheFenceAndDecidedAgain() {
		long template = MALL.onlineTemplate(10, 1);
		MOVE_ON_DECISION.set(true);

		Answer claim = new TestHttp(this.port).call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(USER),
				LegacyApiIntegrationTest.claimBody(template, "fenced-1"));

		assertThat(claim.status()).as(claim.body().toString()).isEqualTo(201);
		assertThat(DECIDED_UNDER).containsExactly(1L, 2L);
		long couponId = Long.parseLong(claim.body().path("couponId").asText());
		assertThat(MALL.rows(template)).isEqualTo(1);
		assertThat(MALL.taken(template)).isEqualTo(1);
		// Journalled as STATIC_FROZEN's writes are: the coupon and the stock it took.
		assertThat(MALL.sql()
			.sql("SELECT CONCAT(table_name, ' ', row_key, ' ', epoch) FROM t_coupon_migration_journal ORDER BY id")
			.query(String.class)
			.list()).containsExactly("t_coupon_template " + template + " 2", "t_user_coupon " + couponId + " 2");
	}

	/** Moves the phase the first time the test's user's write is decided. */
	@TestConfiguration(proxyBeanMethods = false)
	static class PhaseChange {

		@Bean
		GatewayFaultPoint movePhaseOnDecision(OldDatabase old, ShardDataSources pools) {
			DataSource global = pools.all().get(ShardDataSources.GLOBAL);
			return (userId, epoch) -> {
				if (userId != USER) {
					return;
				}
				DECIDED_UNDER.add(epoch.number());
				if (MOVE_ON_DECISION.compareAndSet(true, false)) {
					old.fencePhase(new Epoch(Phase.STATIC_FROZEN, 2));
					JdbcClient.create(global)
						.sql("UPDATE migration_state SET phase = 'STATIC_FROZEN', epoch = 2 WHERE id = 1")
						.update();
				}
			};
		}

	}

}
