package com.couponplatform.bench.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackSharesTest {

	private static final Pattern REQUESTS = Pattern.compile("^http-nio-\\d+-exec-");

	@Test
	void sharesAreCountedByThreadByInnermostLibraryAndByFirstWait(@TempDir Path folder) throws Exception {
		Path collapsed = folder.resolve("stacks.collapsed");
		Files.writeString(collapsed, String.join("\n",
				"[http-nio-8080-exec-1 tid=11];Thread.run;org.apache.shardingsphere.Parse.parse;java.util.HashMap.get 30",
				"[http-nio-8080-exec-2 tid=12];Thread.run;org.apache.shardingsphere.Jdbc.execute;com.mysql.cj.Read.read;"
						+ "read_[k] 50",
				"[http-nio-8080-exec-2 tid=12];Thread.run;com.zaxxer.hikari.pool.HikariPool.getConnection;"
						+ "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire 10",
				"[C2 CompilerThread0 tid=5];Compile::Optimize 10", ""));
		StackShares shares = StackShares.read(collapsed);

		assertThat(shares.byThread()).containsExactly(Map.entry("http-nio-#-exec-#", 90.0),
				Map.entry("C# CompilerThread#", 10.0));
		Map<String, Pattern> libraries = Map.of("ShardingSphere", Pattern.compile("org\\.apache\\.shardingsphere"),
				"MySQL driver", Pattern.compile("com\\.mysql\\.cj"), "HikariCP", Pattern.compile("com\\.zaxxer"));
		// The JDK's HashMap counts for ShardingSphere, which called it; the driver's read
		// for the driver, though ShardingSphere called the driver.
		assertThat(shares.byLibrary(REQUESTS, libraries)).containsEntry("MySQL driver", 50 * 100.0 / 90)
			.containsEntry("ShardingSphere", 30 * 100.0 / 90)
			.containsEntry("HikariCP", 10 * 100.0 / 90);
		// The pool wait is a pool wait, though a lock is what parks the thread.
		Map<String, Pattern> waits = new LinkedHashMap<>();
		waits.put("pool", Pattern.compile("HikariPool\\.getConnection"));
		waits.put("lock", Pattern.compile("AbstractQueuedSynchronizer"));
		assertThat(shares.byWait(REQUESTS, waits)).containsExactly(Map.entry("running or elsewhere", 80 * 100.0 / 90),
				Map.entry("pool", 10 * 100.0 / 90));
	}

}
