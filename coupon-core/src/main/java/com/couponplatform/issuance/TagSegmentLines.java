package com.couponplatform.issuance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.springframework.jdbc.UncategorizedSQLException;

import com.couponplatform.sharding.ShardDataSources;
import com.couponplatform.sharding.ShardLocation;
import com.couponplatform.sharding.ShardingLayout;
import com.couponplatform.targeting.TagExpression;

/**
 * The users of the local tag store whose tags match an expression, as a job's input:
 * walks every physical {@code user_tag} table in user order, a page at a time, and
 * evaluates the expression on each user's tags. Only users with at least one tag in the
 * store can be found (a segment such as {@code NOT churned} does not reach users the
 * store has never seen), and the remote tag service cannot be enumerated.
 */
final class TagSegmentLines extends TargetLines {

	/** Rows per page: far above any user's tag count, so a page holds whole users. */
	private static final int PAGE = 5_000;

	private final ShardDataSources dataSources;

	private final ShardingLayout layout;

	private final TagExpression expression;

	private final Deque<String> matched = new ArrayDeque<>();

	private int database;

	private int table;

	private long afterUser;

	private boolean exhausted;

	TagSegmentLines(ShardDataSources dataSources, ShardingLayout layout, TagExpression expression) {
		this.dataSources = dataSources;
		this.layout = layout;
		this.expression = expression;
	}

	@Override
	public boolean hasNext() {
		while (this.matched.isEmpty() && !this.exhausted) {
			readPage();
		}
		return !this.matched.isEmpty();
	}

	@Override
	public String next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.matched.poll();
	}

	/** Reads the next page of the current table, moving to the next table at its end. */
	private void readPage() {
		String name = new ShardLocation(this.database, this.table).physicalTable("user_tag");
		List<Long> users = new ArrayList<>();
		List<Set<String>> tags = new ArrayList<>();
		int rows = 0;
		try (Connection connection = this.dataSources.shard(this.database).getConnection();
				PreparedStatement page = connection.prepareStatement("SELECT user_id, tag FROM " + name
						+ " WHERE user_id > ? ORDER BY user_id, tag LIMIT " + PAGE)) {
			page.setLong(1, this.afterUser);
			try (ResultSet result = page.executeQuery()) {
				while (result.next()) {
					rows++;
					long userId = result.getLong(1);
					if (users.isEmpty() || users.get(users.size() - 1) != userId) {
						users.add(userId);
						tags.add(new HashSet<>());
					}
					tags.get(tags.size() - 1).add(result.getString(2));
				}
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("reading " + name, null, ex);
		}
		boolean full = rows == PAGE && users.size() > 1;
		// A full page may have cut its last user's tags short: that user starts the next
		// page.
		int whole = full ? users.size() - 1 : users.size();
		for (int i = 0; i < whole; i++) {
			if (this.expression.matches(tags.get(i))) {
				this.matched.add(Long.toString(users.get(i)));
			}
		}
		if (full) {
			this.afterUser = users.get(whole - 1);
		}
		else {
			nextTable();
		}
	}

	private void nextTable() {
		this.afterUser = 0;
		this.table++;
		if (this.table == this.layout.tables()) {
			this.table = 0;
			this.database++;
			this.exhausted = this.database == this.layout.databases();
		}
	}

}
