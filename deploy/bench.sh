#!/usr/bin/env bash
# Benchmarks, run on demand and never by the tests.
#
#   ./deploy/bench.sh claims   the claim benchmark: builds the current code, starts a private platform
#                              with deploy/run.sh (instance "bench": ports 28080/28081, databases
#                              couponbench_*, Redis prefix couponbench:, its own broker on 19896), runs
#                              the load generator against it, prints a Markdown report (also written to
#                              coupon-bench/target/claim-benchmark.md) and stops what it started
#   ./deploy/bench.sh profile-claims  the hot-template claim peak under async-profiler (CPU, then wall
#                              clock) in coupon-api and coupon-admin, with the database and Redis work per
#                              claim of every process: flame graphs to docs/benchmarks/claim-hot-*.html,
#                              the report to coupon-bench/target/claim-profile.md (BENCH_PROFILE_CLAIMS, 40000)
#   ./deploy/bench.sh issuance a million coupons to a million users end to end (CSV upload to COMPLETED)
#                              on the same private platform, against raw multi-row INSERTs into the same
#                              tables measured in the same run (report: coupon-bench/target/issuance-benchmark.md)
#   ./deploy/bench.sh codes    a million codes generated (POST to ACTIVE) against raw multi-row INSERTs of
#                              as many codes into the same tables, then redemption peak (closed loop) against
#                              the no-op endpoint and open-loop latency at 25/50/75% of it (report:
#                              coupon-bench/target/redemption-benchmark.md)
#   ./deploy/bench.sh legacy   legacy-generate of a million coupons (BENCH_LEGACY_COUPONS) into a fresh
#                              couponbench_legacy database, against the server copying the same rows
#                              (INSERT ... SELECT) in the same run (report: coupon-bench/target/legacy-generation-benchmark.md)
#   ./deploy/bench.sh serving  claims and wallet reads served from a legacy database against the same on NEW, in one
#                              run: the private platform in phase NONE, then run.sh --legacy-demo (couponbench_legacy_mall,
#                              platform databases couponbench_demo_*), each with its own no-op peak; BENCH_SERVING_CLAIMS
#                              (10000), BENCH_SERVING_WALLET_USERS (500), BENCH_SERVING_WALLET_READS (10000) (report:
#                              coupon-bench/target/serving-benchmark.md)
#   ./deploy/bench.sh static-copy  the static copy (SINGLE_WRITE_OLD → STATIC_COPIED) run by migrate.sh worker over a
#                              generated legacy mall (couponbench_copy_legacy_mall; BENCH_COPY_CODES, 300000 codes;
#                              BENCH_COPY_TEMPLATES, 1000) into couponbench_copy_demo_*, against a client-side multi-row
#                              insert of the same mapped rows in the same run (report: coupon-bench/target/static-copy-benchmark.md)
#   ./deploy/bench.sh migration-copy  BACKFILL run by migrate.sh worker over a generated legacy mall of a million
#                              coupons (couponbench_migration_legacy_mall; BENCH_MIGRATION_COUPONS, BENCH_MIGRATION_USERS
#                              50000) into couponbench_migration_demo_*, against a client-side multi-row insert of the same
#                              NEW rows in the same run, then one verification run (report:
#                              coupon-bench/target/migration-copy-benchmark.md)
#   ./deploy/bench.sh outage   shard 1 of the private platform on a mariadbd of its own (port 23307, data in
#                              .run/bench/shard-1, fresh each run); open-loop load for shard 0's and shard 1's
#                              users through a warm-up and four phases: healthy, shard 1 frozen (SIGSTOP), thawed, killed
#                              (report: coupon-bench/target/shard-outage-benchmark.md)
#   ./deploy/bench.sh jmh [ARGS]  the JMH micro-benchmarks of coupon-bench (routing, warm reads)
#
# The claim runs warm up in rounds of BENCH_WARM_UP (10000) no-ops and claims until coupon-api's JIT
# compiles less than 5% of a round's time (at most 8 rounds).
# Sizes: BENCH_CLAIMS (claims per peak run, default 20000), BENCH_WORKERS (48), BENCH_TEMPLATES (1000),
# BENCH_OPEN_LOOP_SECONDS (10). COUPON_CACHE_TEMPLATE_LOCAL_MAXIMUM_SIZE=0 runs it without the template
# cache's L1. BENCH_ISSUANCE_USERS (1000000) and BENCH_BASELINE_THREADS (4) size the issuance run;
# BENCH_CODES (1000000) and BENCH_REDEMPTIONS (20000) the code run; BENCH_OUTAGE_RATE (calls/s per shard, 50),
# BENCH_OUTAGE_SECONDS (per phase, 10) and BENCH_OUTAGE_HOLDERS (200) the outage run.
# docs/benchmarks.md holds the results and what limits them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

bench_classpath() {
  echo "$ROOT_DIR/coupon-bench/target/classes:$(cat "$ROOT_DIR/coupon-bench/target/benchmark.classpath")"
}

# Starts a private platform with deploy/run.sh (instance "bench"; arguments go to run.sh) and waits
# until it is ready; the EXIT trap stops it.
start_platform() {
  say "Building the current code"
  mvnw -DskipTests package -pl coupon-api,coupon-admin,coupon-bench -am || die "build failed"
  export COUPON_RUN_NAME=bench COUPON_API_PORT=28080 COUPON_ADMIN_PORT=28081
  export COUPON_NAMESRV_PORT=19896 COUPON_BROKER_PORT=20931
  export COUPON_DB_PREFIX=couponbench COUPON_REDIS_KEY_PREFIX=couponbench:
  export COUPON_API_NOOP_ENDPOINT=true
  # Room for the load: production-like heap and GC instead of run.sh's small-laptop defaults.
  export COUPON_JAVA_OPTS="${COUPON_JAVA_OPTS:--Xms512m -Xmx1g -XX:+UseParallelGC}"
  unset COUPON_ROCKETMQ_NAMESRV
  mkdir -p "$RUN_DIR/bench"
  OUT="$RUN_DIR/bench/run.out"
  "$ROOT_DIR/deploy/run.sh" "$@" >"$OUT" 2>&1 &
  echo $! >"$RUN_DIR/bench/bench-run.pid"
  trap 'kill -TERM "$(cat "$RUN_DIR/bench/bench-run.pid")" 2>/dev/null; wait 2>/dev/null || true' EXIT
  say "Starting the platform (log: $OUT)"
  wait_for_line "$OUT" "READY" "$RUN_DIR/bench/bench-run.pid" 300 "deploy/run.sh"
  load_local_secrets "${COUPON_SECRETS_FILE:-$ROOT_DIR/deploy/.local-secrets}"
}

# Stops the private platform start_platform started, and waits until it has.
stop_platform() {
  kill -TERM "$(cat "$RUN_DIR/bench/bench-run.pid")" 2>/dev/null || true
  wait "$(cat "$RUN_DIR/bench/bench-run.pid")" 2>/dev/null || true
  trap - EXIT
}

# The private platform's processes, for the benchmarks that watch them (the JIT's clock, the profiler).
platform_pids() {
  echo "api=$(cat "$RUN_DIR/bench/api.pid"),admin=$(cat "$RUN_DIR/bench/admin.pid")"
}

# Starts shard 1's private mariadbd (the machine's MariaDB binaries) on a fresh data directory; the
# EXIT trap of start_platform is extended to stop it, continued first if the run left it frozen.
start_shard_server() {
  SHARD_DIR="$RUN_DIR/bench/shard-1"
  SHARD_PORT=23307
  rm -rf "$SHARD_DIR" && mkdir -p "$SHARD_DIR"
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null \
    || die "the outage benchmark needs mariadbd and mariadb-install-db (Debian: mariadb-server)"
  mariadb-install-db --no-defaults --datadir="$SHARD_DIR/data" --user="$(id -un)" \
    --auth-root-authentication-method=normal --skip-test-db >"$SHARD_DIR/install.log" 2>&1 \
    || die "mariadb-install-db failed; see $SHARD_DIR/install.log"
  mariadbd --no-defaults --datadir="$SHARD_DIR/data" --port="$SHARD_PORT" --bind-address=127.0.0.1 \
    --socket="$SHARD_DIR/mysqld.sock" --user="$(id -un)" --pid-file="$SHARD_DIR/mysqld.pid" \
    --innodb-buffer-pool-size=256M --max-connections=200 >"$SHARD_DIR/mariadbd.log" 2>&1 &
  wait_for_port 127.0.0.1 "$SHARD_PORT" 60 "shard 1's mariadbd"
  export COUPON_DB_SHARD_1_HOST=127.0.0.1 COUPON_DB_SHARD_1_PORT="$SHARD_PORT"
  export BENCH_SHARD_PID_FILE="$SHARD_DIR/mysqld.pid"
  trap stop_shard_server EXIT
}

stop_shard_server() {
  local pid
  pid="$(cat "$RUN_DIR/bench/shard-1/mysqld.pid" 2>/dev/null)" || return 0
  kill -CONT "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
}

case "${1:-}" in
  claims)
    start_platform
    BENCH_API=http://127.0.0.1:28080 BENCH_ADMIN=http://127.0.0.1:28081 BENCH_PIDS="$(platform_pids)" \
      java -Xms512m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.claim.ClaimBenchmark
    ;;
  profile-claims)
    start_platform
    BENCH_API=http://127.0.0.1:28080 BENCH_ADMIN=http://127.0.0.1:28081 BENCH_PIDS="$(platform_pids)" \
      java -Xms512m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.claim.ClaimProfile
    ;;
  issuance)
    start_platform
    BENCH_ADMIN=http://127.0.0.1:28081 \
      java -Xms256m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.issuance.IssuanceBenchmark
    ;;
  codes)
    start_platform
    BENCH_API=http://127.0.0.1:28080 BENCH_ADMIN=http://127.0.0.1:28081 \
      java -Xms512m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.redemption.RedemptionBenchmark
    ;;
  legacy)
    cd "$ROOT_DIR"
    mvnw -DskipTests package -pl coupon-bench -am || die "build failed"
    java -Xms256m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.legacy.LegacyGenerationBenchmark
    ;;
  static-copy)
    cd "$ROOT_DIR"
    mvnw -DskipTests package -pl coupon-bench,coupon-migration -am || die "build failed"
    source "$ROOT_DIR/deploy/lib/rocketmq.sh"
    rocketmq_start bench-copy 19897 20941
    trap 'rocketmq_stop bench-copy' EXIT
    COUPON_ROCKETMQ_NAMESRV=127.0.0.1:19897 COUPON_DB_PREFIX=couponbench_copy_demo \
      COUPON_REDIS_KEY_PREFIX=couponbench_copy_demo: COUPON_LEGACY_DB_NAME=couponbench_copy_legacy_mall \
      COUPON_MIGRATION_SINGLE_WRITER_WINDOW=2s COUPON_MIGRATE_JAVA_OPTS="-Xms512m -Xmx2g" \
      java -Xms256m -Xmx2g -cp "$(bench_classpath)" com.couponplatform.bench.staticcopy.StaticCopyBenchmark
    ;;
  migration-copy)
    cd "$ROOT_DIR"
    mvnw -DskipTests package -pl coupon-bench,coupon-migration -am || die "build failed"
    source "$ROOT_DIR/deploy/lib/rocketmq.sh"
    rocketmq_start bench-migration 19898 20951
    trap 'rocketmq_stop bench-migration' EXIT
    COUPON_ROCKETMQ_NAMESRV=127.0.0.1:19898 COUPON_DB_PREFIX=couponbench_migration_demo \
      COUPON_REDIS_KEY_PREFIX=couponbench_migration_demo: COUPON_LEGACY_DB_NAME=couponbench_migration_legacy_mall \
      COUPON_MIGRATION_SINGLE_WRITER_WINDOW=2s COUPON_MIGRATION_BACKFILL_ROWS_PER_SECOND=0 \
      COUPON_MIGRATION_VERIFY_ROWS_PER_SECOND=0 COUPON_MIGRATE_JAVA_OPTS="-Xms512m -Xmx2g" \
      java -Xms256m -Xmx2g -cp "$(bench_classpath)" com.couponplatform.bench.migrationcopy.MigrationCopyBenchmark
    ;;
  serving)
    cd "$ROOT_DIR"
    start_platform
    BENCH_API=http://127.0.0.1:28080 BENCH_ADMIN=http://127.0.0.1:28081 BENCH_PIDS="$(platform_pids)" \
      java -Xms512m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.serving.ServingBenchmark new
    stop_platform
    start_platform --legacy-demo
    BENCH_API=http://127.0.0.1:28080 BENCH_LEGACY_DB=couponbench_legacy_mall BENCH_PIDS="$(platform_pids)" \
      java -Xms512m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.serving.ServingBenchmark old
    stop_platform
    java -cp "$(bench_classpath)" com.couponplatform.bench.serving.ServingBenchmark report
    ;;
  outage)
    start_shard_server
    start_platform
    trap 'kill -TERM "$(cat "$RUN_DIR/bench/bench-run.pid")" 2>/dev/null; wait 2>/dev/null || true; stop_shard_server' EXIT
    BENCH_API=http://127.0.0.1:28080 BENCH_ADMIN=http://127.0.0.1:28081 \
      java -Xms256m -Xmx1g -cp "$(bench_classpath)" com.couponplatform.bench.outage.ShardOutageBenchmark
    ;;
  jmh)
    shift
    mvnw -DskipTests package -pl coupon-bench -am || die "build failed"
    java -cp "$(bench_classpath)" org.openjdk.jmh.Main "$@"
    ;;
  *)
    sed -n '2,41p' "$0"
    exit 2
    ;;
esac
