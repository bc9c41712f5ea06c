package com.couponplatform.redemption;

import java.time.Clock;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.couponplatform.claim.IdempotencyKeyReusedException;
import com.couponplatform.migration.SideResolver;
import com.couponplatform.sharding.ReplicaRouting;
import com.couponplatform.shared.InvalidInputException;
import com.couponplatform.shared.RuleViolationException;
import com.couponplatform.wallet.UserCoupon;

/**
 * A user redeems a code for a coupon.
 * <ol>
 * <li>The code is normalised, and refused without reading storage when it cannot be a
 * code or its shape has a check character that is wrong.</li>
 * <li>The request ID is bound to the code in the user's shard, before any use is taken,
 * so one request ID can take a use of one code only (another code → 422).</li>
 * <li>One use is taken in the code's shard ({@link TakeCodeUse}), with a
 * {@link RedemptionAccepted} event in the same transaction.</li>
 * <li>The coupon is written in the user's shard ({@link IssueRedeemedCoupon}).</li>
 * </ol>
 * A user the legacy database serves redeems a legacy code there instead
 * ({@link LegacyRedemptions}), refused in the same uniform way. No transaction spans the
 * two shards. A crash after step 3 leaves a use taken and no coupon yet: the relay
 * publishes the step's event and its consumer writes the same coupon (same ID, same
 * instant), as does a retry of the request. Nothing is lost and nothing is issued twice:
 * the coupon's origin key admits one row per user and code.
 *
 * <p>
 * {@code coupon.redemptions{outcome}} counts every call: {@code redeemed},
 * {@code replayed}, the refusal's code ({@code code_not_redeemable},
 * {@code idempotency_key_reused}, {@code validation_failed}) or {@code error}. Callers
 * refused by the throttle before this are counted by the API as
 * {@code coupon.redemption.throttled}.
 */
@Service
public class RedeemCode {

	private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** Longer input is not looked at: it cannot be a stored code. */
	private static final int MAX_TYPED_LENGTH = 256;

	private final CheckedShapes shapes;

	private final RedemptionRequestMapper requests;

	private final TakeCodeUse takeUse;

	private final IssueRedeemedCoupon issue;

	private final Clock clock;

	private final ObjectProvider<RedemptionFaultPoint> faults;

	private final ReplicaRouting routing;

	private final MeterRegistry registry;

	private final SideResolver sides;

	private final ObjectProvider<LegacyRedemptions> legacy;

	RedeemCode(CheckedShapes shapes, RedemptionRequestMapper requests, TakeCodeUse takeUse, IssueRedeemedCoupon issue,
			Clock clock, ObjectProvider<RedemptionFaultPoint> faults, ReplicaRouting routing, MeterRegistry registry,
			SideResolver sides, ObjectProvider<LegacyRedemptions> legacy) {
		this.sides = sides;
		this.legacy = legacy;
		this.registry = registry;
		this.faults = faults;
		this.routing = routing;
		this.shapes = shapes;
		this.requests = requests;
		this.takeUse = takeUse;
		this.issue = issue;
		this.clock = clock;
	}

	/**
	 * Redeems a code.
	 * @param userId the redeeming user
	 * @param typed the code as typed
	 * @param requestId the client's idempotency key, 1–64 of {@code [A-Za-z0-9_-]}
	 * @return the coupon, and whether this request ID had redeemed the code before
	 * @throws InvalidInputException when the code or request ID is missing or malformed
	 * @throws CodeNotRedeemableException when the code cannot be redeemed, for whatever
	 * reason
	 * @throws IdempotencyKeyReusedException when the request ID was sent with another
	 * code
	 */
	public Redemption redeem(long userId, String typed, String requestId) {
		try {
			Redemption redemption = decide(userId, typed, requestId);
			count(redemption.replayed() ? "replayed" : "redeemed");
			return redemption;
		}
		catch (RuleViolationException refused) {
			count(refused.code().name().toLowerCase());
			throw refused;
		}
		catch (RuntimeException failed) {
			count("error");
			throw failed;
		}
	}

	private void count(String outcome) {
		Counter.builder("coupon.redemptions")
			.description("Code redemptions decided, by outcome")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private Redemption decide(long userId, String typed, String requestId) {
		if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
			throw new InvalidInputException("requestId", "must be 1 to 64 characters of A-Z a-z 0-9 _ -");
		}
		if (typed == null || typed.isBlank()) {
			throw new InvalidInputException("code", "is required");
		}
		String code = (typed.length() <= MAX_TYPED_LENGTH) ? CodeAlphabet.normalise(typed) : "";
		if (!CodeAlphabet.isWellFormed(code) || this.shapes.isMistyped(code)) {
			throw new CodeNotRedeemableException();
		}
		if (this.sides.onOld(userId)) {
			return this.legacy.getObject()
				.redeem(userId, typed.strip(), code, requestId)
				.orElseThrow(CodeNotRedeemableException::new);
		}
		// A refused request stays bound too: freeing its ID could race with an identical
		// call that succeeds meanwhile. The throttle bounds what failures can bind.
		bind(userId, requestId, code);
		TakeCodeUse.Use use = this.takeUse.take(code, userId, requestId);
		if (!use.replayed()) {
			this.faults.getIfAvailable(() -> RedemptionFaultPoint.NONE).afterUseTaken(userId, code, requestId);
		}
		return new Redemption(this.issue.issue(use.redemption(), !use.replayed()), use.replayed());
	}

	private void bind(long userId, String requestId, String code) {
		if (this.requests.bind(userId, requestId, code, this.clock.instant()) == 1) {
			return;
		}
		// On the primary: a replica's lag must not hide the binding.
		String bound = this.routing.primary(() -> this.requests.findCode(userId, requestId));
		if (bound != null && !bound.equals(code)) {
			throw new IdempotencyKeyReusedException(requestId);
		}
	}

	/**
	 * A redemption's outcome.
	 *
	 * @param coupon the coupon the code gave
	 * @param replayed whether an earlier call with the same request ID redeemed it
	 */
	public record Redemption(UserCoupon coupon, boolean replayed) {
	}

}
