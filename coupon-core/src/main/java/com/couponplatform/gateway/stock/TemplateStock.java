package com.couponplatform.gateway.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one owner of a template's stock: the guarded counter {@code issued} in the global
 * database, which decides, and the claim gate's figure in Redis, which follows it.
 *
 * <p>
 * A claim takes units one by one (group-committed, {@link CounterBatcher}) and gives one
 * back when its row is not written; the back office reserves units for a job or a code
 * batch and returns what it will not issue. A reservation or a return moves the counter
 * outside any claim, so the gate's figure is forgotten once the change commits and the
 * next claim rebuilds it from the database — no caller has to remember to.
 */
@Component
public class TemplateStock {

	private final StockMapper stock;

	private final CounterBatcher counter;

	private final StockGate gate;

	private final Clock clock;

	TemplateStock(StockMapper stock, CounterBatcher counter, StockGate gate, Clock clock) {
		this.stock = stock;
		this.counter = counter;
		this.gate = gate;
		this.clock = clock;
	}

	/**
	 * Takes one unit for a claim, if the template can be claimed now.
	 * @param templateId the template
	 * @param now the claim's instant
	 * @return whether the guard let it: {@code false} when sold out, not active or
	 * outside the claim window
	 */
	public boolean take(long templateId, Instant now) {
		return this.counter.take(templateId, now);
	}

	/**
	 * Gives back the unit a claim took and did not write a row for. If that fails too,
	 * the unit stays taken — under-issue, which reconciliation repairs from the rows,
	 * never over-issue.
	 * @param templateId the template
	 * @param writeFailure why the row was not written; a failure to give back is added to
	 * it
	 */
	public void giveBack(long templateId, RuntimeException writeFailure) {
		try {
			this.stock.returnStock(templateId, this.clock.instant());
		}
		catch (RuntimeException giveBackFailure) {
			writeFailure.addSuppressed(giveBackFailure);
		}
	}

	/**
	 * Reserves units for the back office (an issuance job, a code batch), all or none,
	 * whatever the claim window; in the caller's transaction when there is one.
	 * @param templateId the template
	 * @param units how many
	 * @param now the instant of the reservation
	 * @return whether they were reserved: {@code false} when fewer are left or the
	 * template is not active
	 */
	public boolean reserve(long templateId, long units, Instant now) {
		boolean reserved = this.stock.reserveStock(templateId, units, now) == 1;
		if (reserved) {
			forgetGateAfterCommit(templateId);
		}
		return reserved;
	}

	/**
	 * Returns reserved units that will not be issued (a cancelled job, an ended batch).
	 * @param templateId the template
	 * @param units how many
	 * @param now the instant of the return
	 * @return whether they were returned: {@code false} when the counter holds fewer
	 */
	public boolean returnReserved(long templateId, long units, Instant now) {
		boolean returned = this.stock.returnReserved(templateId, units, now) == 1;
		if (returned) {
			forgetGateAfterCommit(templateId);
		}
		return returned;
	}

	/**
	 * Sets the counter back to the rows counted, if it has not moved since it was read
	 * (reconciliation, after a claim died between the counter and its row).
	 * @param templateId the template
	 * @param expected the counter as read before counting
	 * @param counted the rows and outstanding reservations counted
	 * @return whether it was set
	 */
	public boolean repair(long templateId, long expected, long counted) {
		return this.stock.repairIssued(templateId, expected, counted) == 1;
	}

	/**
	 * Units reserved and neither issued nor returned yet: counted in {@code issued}
	 * without coupon rows, by design.
	 * @param templateId the template
	 * @return the outstanding units
	 */
	public long outstandingReservations(long templateId) {
		return this.stock.outstandingReservations(templateId);
	}

	/**
	 * When the counter last moved.
	 * @param templateId the template
	 * @return the instant, or {@code null} when it never moved
	 */
	public Instant changedAt(long templateId) {
		return this.stock.stockChangedAt(templateId);
	}

	/**
	 * The templates whose stock reconciliation watches.
	 * @param since templates whose claim window closed before this are left alone
	 * @return their IDs
	 */
	public List<Long> claimableSince(Instant since) {
		return this.stock.findClaimable(since);
	}

	/**
	 * Until the change commits the gate must keep its figure (a rollback changes
	 * nothing); forgetting before the commit would let a claim rebuild the old one.
	 */
	private void forgetGateAfterCommit(long templateId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.gate.forgetStock(templateId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				TemplateStock.this.gate.forgetStock(templateId);
			}
		});
	}

}
