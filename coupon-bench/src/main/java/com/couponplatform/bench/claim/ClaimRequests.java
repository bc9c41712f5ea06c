package com.couponplatform.bench.claim;

import java.util.ArrayList;
import java.util.List;

import com.couponplatform.bench.load.BenchTokens;
import com.couponplatform.bench.load.LoadRequest;

/**
 * The benchmark's requests: claims (each by a fresh user, with its own request ID) and
 * their no-op twins, which do the same security and JSON work and no claim.
 */
final class ClaimRequests {

	private final Settings settings;

	private final BenchTokens tokens;

	private long nextUser;

	ClaimRequests(Settings settings) {
		this.settings = settings;
		this.tokens = new BenchTokens(settings.jwtSecret());
		// Fresh users each run: a rerun against the same databases never meets a
		// user's earlier coupon.
		this.nextUser = (System.currentTimeMillis() % 100_000_000L) * 10_000L;
	}

	List<LoadRequest> claims(List<Long> templates, int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = ++this.nextUser;
			requests.add(LoadRequest.post(this.settings.api() + "/api/v1/claims", this.tokens.user(user),
					"{\"templateId\":\"" + templates.get(i % templates.size()) + "\",\"requestId\":\"b" + user
							+ "\"}"));
		}
		return requests;
	}

	List<LoadRequest> noops(int count) {
		List<LoadRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long user = ++this.nextUser;
			requests.add(LoadRequest.post(this.settings.api() + "/api/v1/noop", this.tokens.user(user),
					"{\"templateId\":\"1\",\"requestId\":\"b" + user + "\"}"));
		}
		return requests;
	}

}
