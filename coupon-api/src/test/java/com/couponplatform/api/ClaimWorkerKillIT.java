package com.couponplatform.api;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.couponplatform.claim.ClaimStockReconciler;
import com.couponplatform.template.CouponTemplate;
import com.couponplatform.template.TemplateCatalog;
import com.couponplatform.testsupport.TestHttp;
import com.couponplatform.testsupport.TestHttp.Answer;
import com.couponplatform.testsupport.TestServices;
import com.couponplatform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A claim worker killed with SIGKILL after the Redis gate took stock and before the
 * database write: nothing compensates in the dying process, so reconciliation must give
 * the unit back, and every claim acknowledged before the kill must still be there.
 */
class ClaimWorkerKillIT extends ApiIntegrationTest {

	private static final int STOCK = 50;

	@Autowired
	TemplateCatalog catalog;

	@Autowired
	ClaimStockReconciler reconciler;

	@Test
	void reconciliationGivesBackTheStockOfAWorkerKilledMidClaim() throws Exception {
		CouponTemplate template = activeTemplate(STOCK, 1);
		Worker worker = Worker.start();
		List<String> acknowledged = new ArrayList<>();
		CompletableFuture<Answer> dying;
		try {
			TestHttp workerHttp = new TestHttp(worker.port());
			for (long user = 1; user <= 20; user++) {
				Answer answer = workerHttp.call("POST", "/api/v1/claims", "Bearer " + TestTokens.user(7_000_000 + user),
						claimBody(template.id(), "ok-" + user));
				assertThat(answer.status()).isEqualTo(201);
				acknowledged.add(answer.body().path("couponId").asText());
			}
			dying = CompletableFuture.supplyAsync(() -> workerHttp.call("POST", "/api/v1/claims",
					"Bearer " + TestTokens.user(7_000_100), claimBody(template.id(), "kill-1")));
			assertThat(worker.atKillPoint().await(60, TimeUnit.SECONDS)).as("the claim reached the kill point")
				.isTrue();
		}
		finally {
			worker.kill();
		}
		assertThat(dying).failsWithin(30, TimeUnit.SECONDS);

		// The dead claim holds a unit in Redis and wrote nothing.
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 21);
		assertThat(couponRows(template.id())).isEqualTo(20);

		ClaimStockReconciler.Reconciliation reconciled = this.reconciler.reconcile(template.id());
		assertThat(reconciled.released()).isEqualTo(1);
		assertThat(reconciled.drift()).isZero();
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 20);
		assertThat(this.catalog.getFresh(template.id()).issued()).isEqualTo(20);
		for (int i = 0; i < acknowledged.size(); i++) {
			Answer coupon = get("/api/v1/coupons/" + acknowledged.get(i), TestTokens.user(7_000_001 + i));
			assertThat(coupon.status()).as("acknowledged coupon " + acknowledged.get(i)).isEqualTo(200);
		}
		// The killed request, retried by its client, now issues.
		Answer retried = post("/api/v1/claims", TestTokens.user(7_000_100), claimBody(template.id(), "kill-1"));
		assertThat(retried.status()).isEqualTo(201);
		assertThat(couponRows(template.id())).isEqualTo(21);
		assertThat(redisRemaining(template.id())).isEqualTo(STOCK - 21);
	}

	/** coupon-api in a child JVM of this test's classpath, on this JVM's databases. */
	private record Worker(Process process, int port, CountDownLatch atKillPoint) {

		static Worker start() throws Exception {
			List<String> command = new ArrayList<>(
					List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
							"-Xmx512m", "-cp", System.getProperty("java.class.path"), ClaimWorker.class.getName()));
			int port = freePort();
			command.addAll(List.of(TestServices.commandLine("coupon.jwt.secret=" + TestTokens.SECRET,
					"coupon.claim.reconcile-interval=0s", "server.port=" + port)));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			CountDownLatch atKillPoint = new CountDownLatch(1);
			// Its output goes to the test's log as well, for whoever reads a failure.
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						System.out.println("[claim-worker] " + line);
						if (line.contains(FaultInjection.AT_KILL_POINT)) {
							atKillPoint.countDown();
						}
					}
				}
				catch (IOException ex) {
					// The process died; the waits below time out.
				}
			}, "claim-worker-output");
			reader.setDaemon(true);
			reader.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!listens(port)) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					process.destroyForcibly();
					throw new IllegalStateException("The claim worker did not start (see [claim-worker] lines)");
				}
				Thread.sleep(200);
			}
			return new Worker(process, port, atKillPoint);
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
		}

		private static boolean listens(int port) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

		/** SIGKILL: no shutdown hook, no finally block, no compensation runs. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

	}

}
