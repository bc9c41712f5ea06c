package com.couponplatform.issuance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.couponplatform.messaging.Topics;
import com.couponplatform.redis.RedisProperties;
import com.couponplatform.schedule.LeaderJob;
import com.couponplatform.sharding.ShardRouter;

/**
 * Sends running jobs' users to the broker: reads targets after the job's checkpoint, a
 * read limit at a time, groups them by shard database, and sends messages no bigger than
 * the payload size, at most {@code max-in-flight} unacknowledged at once (back-pressure
 * instead of a busy broker). Once every message of a read is acknowledged the checkpoint
 * moves past it; a crash re-sends at most that read, which the writers absorb. One
 * instance publishes at a time; a round stops after {@link #ROUND} and the next goes on.
 */
@Component
@ConditionalOnProperty(name = "coupon.issuance.enabled", havingValue = "true", matchIfMissing = true)
public class IssuancePublisher extends LeaderJob {

	private static final Logger logger = LoggerFactory.getLogger(IssuancePublisher.class);

	static final Duration ROUND = Duration.ofSeconds(10);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

	private final IssuanceJobMapper jobs;

	private final IssuanceTargetMapper targets;

	private final ShardRouter router;

	private final DefaultMQProducer producer;

	private final Topics topics;

	private final ObjectMapper json;

	private final IssuanceProperties properties;

	private final Clock clock;

	IssuancePublisher(IssuanceJobMapper jobs, IssuanceTargetMapper targets, ShardRouter router,
			RocketMQTemplate rocketMQ, Topics topics, ObjectMapper json, IssuanceProperties properties, Clock clock,
			RedissonClient redis, RedisProperties redisProperties) {
		super("issuance-publisher", properties.getPollInterval(), redis, redisProperties.getKeyPrefix());
		this.jobs = jobs;
		this.targets = targets;
		this.router = router;
		this.producer = rocketMQ.getProducer();
		this.topics = topics;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void runOnce() {
		Instant deadline = this.clock.instant().plus(ROUND);
		for (long jobId : this.jobs.findRunnable(this.clock.instant())) {
			if (this.clock.instant().isAfter(deadline)) {
				return;
			}
			publish(jobId, deadline);
		}
	}

	/**
	 * Publishes one job until it is all sent or the deadline passes, then completes it if
	 * every target has been written.
	 * @param jobId the job
	 * @param deadline when to stop sending
	 */
	void publish(long jobId, Instant deadline) {
		this.jobs.start(jobId, this.clock.instant());
		IssuanceJob job = this.jobs.find(jobId);
		if (job == null || job.status() != IssuanceStatus.RUNNING) {
			return;
		}
		long checkpoint = job.published();
		while (this.clock.instant().isBefore(deadline)) {
			List<IssuanceTargetMapper.Target> read = this.targets.findAfter(jobId, checkpoint,
					this.properties.getReadLimit());
			if (read.isEmpty()) {
				break;
			}
			send(job, read);
			checkpoint = read.get(read.size() - 1).seq();
			this.jobs.published(jobId, checkpoint, this.clock.instant());
		}
		if (this.jobs.completeIfDone(jobId, this.clock.instant()) == 1) {
			logger.info("Issuance job {} completed", jobId);
		}
	}

	private void send(IssuanceJob job, List<IssuanceTargetMapper.Target> read) {
		Map<Integer, List<IssuanceTargetMapper.Target>> byDatabase = new LinkedHashMap<>();
		for (IssuanceTargetMapper.Target target : read) {
			byDatabase.computeIfAbsent(this.router.locateUser(target.userId()).database(), (db) -> new ArrayList<>())
				.add(target);
		}
		int perMessage = IssuanceChunk.usersPerMessage(this.properties.getPayloadBytes());
		Semaphore inFlight = new Semaphore(this.properties.getMaxInFlight());
		List<CompletableFuture<SendResult>> sends = new ArrayList<>();
		for (List<IssuanceTargetMapper.Target> group : byDatabase.values()) {
			for (int from = 0; from < group.size(); from += perMessage) {
				List<IssuanceTargetMapper.Target> part = group.subList(from, Math.min(group.size(), from + perMessage));
				sends.add(sendAsync(message(job, part), inFlight));
				if (this.properties.isSendTwice()) {
					sends.add(sendAsync(message(job, part), inFlight));
				}
			}
		}
		awaitAll(job.id(), sends);
	}

	private Message message(IssuanceJob job, List<IssuanceTargetMapper.Target> part) {
		long[] seqs = new long[part.size()];
		long[] userIds = new long[part.size()];
		for (int i = 0; i < part.size(); i++) {
			seqs[i] = part.get(i).seq();
			userIds[i] = part.get(i).userId();
		}
		try {
			byte[] body = this.json.writeValueAsString(new IssuanceChunk(job.id(), job.templateId(), seqs, userIds))
				.getBytes(StandardCharsets.UTF_8);
			return new Message(this.topics.issuance(), null, job.id() + ":" + seqs[0], body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot serialise a chunk of job " + job.id(), ex);
		}
	}

	private CompletableFuture<SendResult> sendAsync(Message message, Semaphore inFlight) {
		CompletableFuture<SendResult> sent = new CompletableFuture<>();
		try {
			inFlight.acquire();
			this.producer.send(message, new SendCallback() {
				@Override
				public void onSuccess(SendResult result) {
					inFlight.release();
					sent.complete(result);
				}

				@Override
				public void onException(Throwable failure) {
					inFlight.release();
					sent.completeExceptionally(failure);
				}
			});
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			sent.completeExceptionally(ex);
		}
		catch (Exception ex) {
			inFlight.release();
			sent.completeExceptionally(ex);
		}
		return sent;
	}

	/**
	 * Waits for every acknowledgement; any failure leaves the checkpoint where it was.
	 */
	private static void awaitAll(long jobId, List<CompletableFuture<SendResult>> sends) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			for (CompletableFuture<SendResult> send : sends) {
				SendStatus status = send.get().getSendStatus();
				if (status != SendStatus.SEND_OK) {
					throw new IllegalStateException("The broker answered " + status + " for job " + jobId);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing job " + jobId, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not publish job " + jobId + "; the next round retries", ex);
		}
	}

}
