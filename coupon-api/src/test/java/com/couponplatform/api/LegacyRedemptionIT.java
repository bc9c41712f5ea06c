package com.couponplatform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redemption of legacy codes on OLD: of 50 users typing a single-use code in another case
 * one wins, the code exchanged and the coupon written as the monolith writes them; the
 * winner's retry replays; a request ID stays bound to its code; a used, void or unknown
 * code gets the same refusal, and a refusal writes nothing.
 */
class LegacyRedemptionIT extends LegacyApiIntegrationTest {

	@Test
	void oneOfFiftyUsersWinsASingleUseCodeTypedInAnotherCase() throws Exception {
		long template = MALL.onlineTemplate(1_000, 1);
		code("Race-Ab12", template, 0);
		ExecutorService pool = Executors.newFixedThreadPool(25);
		CountDownLatch start = new CountDownLatch(1);
		Map<Long, Answer> answers = new ConcurrentHashMap<>();
		List<Future<?>> calls = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			long userId = 890_000L + i;
			TestHttp client = new TestHttp(this.port).withHeader("X-Forwarded-For", "198.18.1." + i);
			calls.add(pool.submit(() -> {
				start.await();
				answers.put(userId, client.call("POST", "/api/v1/redemptions", "Bearer " + TestTokens.user(userId),
						body("rACE-aB12", "race-" + userId)));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> call : calls) {
			call.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();
		Map<Integer, Integer> statuses = new TreeMap<>();
		answers.values().forEach((answer) -> statuses.merge(answer.status(), 1, Integer::sum));
		assertThat(statuses).isEqualTo(Map.of(201, 1, 422, 49));
		assertThat(answers.values()).filteredOn((answer) -> answer.status() == 422)
			.allSatisfy((answer) -> assertThat(answer.code()).isEqualTo("CODE_NOT_REDEEMABLE"));
		long winner = answers.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().status() == 201)
			.findFirst()
			.orElseThrow()
			.getKey();
		assertThat(MALL.sql()
			.sql("SELECT CONCAT(state, ' ', uid, ' ', exchange_time IS NOT NULL) FROM t_coupon_code WHERE code = ?")
			.param("Race-Ab12")
			.query(String.class)
			.single()).isEqualTo("1 " + winner + " 1");
		assertThat(MALL.sql()
			.sql("SELECT CONCAT(uid, ' ', state, ' ', get_type, ' ', code, ' ', version) FROM t_user_coupon "
					+ "WHERE tpl_id = ?")
			.param(template)
			.query(String.class)
			.list()).containsExactly(winner + " 0 3 rACE-aB12 0");
		assertThat(MALL.taken(template)).as("an exchange takes no claim stock").isZero();

		Answer first = answers.get(winner);
		Answer replay = post("/api/v1/redemptions", TestTokens.user(winner), body("RACE-AB12", "race-" + winner));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(MALL.rows(template)).isEqualTo(1);
	}

	@Test
	void usedVoidAndUnknownCodesAreRefusedAlikeAndARequestIdStaysBound() {
		long template = MALL.onlineTemplate(1_000, 1);
		code("USED-0001", template, 1);
		code("VOID-0001", template, 2);
		code("GOOD-0001", template, 0);
		code("GOOD-0002", template, 0);
		long userId = 891_001;
		String token = TestTokens.user(userId);
		for (String refused : List.of("USED-0001", "VOID-0001", "NONE-0001")) {
			Answer answer = post("/api/v1/redemptions", token, body(refused, "r-" + refused));
			assertThat(answer.status()).as(refused).isEqualTo(422);
			assertThat(answer.code()).isEqualTo("CODE_NOT_REDEEMABLE");
		}
		assertThat(MALL.rows(template)).isZero();
		assertThat(post("/api/v1/redemptions", token, body("GOOD-0001", "r-good")).status()).isEqualTo(201);
		Answer reused = post("/api/v1/redemptions", token, body("GOOD-0002", "r-good"));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(MALL.rows(template)).isEqualTo(1);
		assertThat(MALL.sql()
			.sql("SELECT state FROM t_coupon_code WHERE code = 'GOOD-0002'")
			.query(Integer.class)
			.single()).isZero();
	}

	private static void code(String code, long template, int state) {
		MALL.sql()
			.sql("INSERT INTO t_coupon_code (code, tpl_id, batch_no, state, uid, exchange_time) VALUES (?, ?, 'B1', ?, "
					+ "NULL, NULL)")
			.params(code, template, state)
			.update();
	}

	private static String body(String code, String requestId) {
		return "{\"code\":\"" + code + "\",\"requestId\":\"" + requestId + "\"}";
	}

}
