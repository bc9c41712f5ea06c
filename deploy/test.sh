#!/usr/bin/env bash
# Runs every test: brings up what the tests need, runs ./mvnw verify (unit and integration
# tests), then smoke-tests ./deploy/run.sh --embedded with the README walkthrough and
# ./deploy/run.sh --legacy-demo with its legacy variant.
#
# Services: the MariaDB/MySQL and Redis of COUPON_DB_* / COUPON_REDIS_* (default loopback) when
# they listen, else embedded engines on private ports; a RocketMQ broker of its own on 19876/20911
# (COUPON_TEST_NAMESRV_PORT, COUPON_TEST_BROKER_PORT), reused when one answers there. Tests use
# their own database, Redis key and topic prefixes, so a running ./deploy/run.sh is not disturbed.
# As root, Debian's chromium and chromium-driver are installed for the screens' browser tests.
# Extra arguments go to Maven, e.g. ./deploy/test.sh -Dit.test=ClaimApiIT
# COUPON_SKIP_EMBEDDED_SMOKE=1 skips the smoke tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$ROOT_DIR/deploy/lib/rocketmq.sh"
source "$ROOT_DIR/deploy/lib/embedded.sh"

NAMESRV_PORT="${COUPON_TEST_NAMESRV_PORT:-19876}"
BROKER_PORT="${COUPON_TEST_BROKER_PORT:-20911}"
STARTED_EMBEDDED=false STARTED_ROCKETMQ=false
cleanup() {
  [ "$STARTED_ROCKETMQ" = true ] && rocketmq_stop test
  [ "$STARTED_EMBEDDED" = true ] && embedded_stop test
  return 0
}
trap cleanup EXIT

export COUPON_DB_HOST="${COUPON_DB_HOST:-127.0.0.1}" COUPON_DB_PORT="${COUPON_DB_PORT:-3306}"
export COUPON_REDIS_HOST="${COUPON_REDIS_HOST:-127.0.0.1}" COUPON_REDIS_PORT="${COUPON_REDIS_PORT:-6379}"
if ! port_open "$COUPON_DB_HOST" "$COUPON_DB_PORT" || ! port_open "$COUPON_REDIS_HOST" "$COUPON_REDIS_PORT"; then
  say "No MariaDB/MySQL or Redis listening: the tests get embedded engines"
  embedded_start test "${COUPON_TEST_EMBEDDED_DB_PORT:-13307}" "${COUPON_TEST_EMBEDDED_REDIS_PORT:-16380}"
  STARTED_EMBEDDED=true
  export COUPON_DB_HOST=127.0.0.1 COUPON_DB_PORT="${COUPON_TEST_EMBEDDED_DB_PORT:-13307}" COUPON_DB_USER=root COUPON_DB_PASSWORD=
  # Replication tests start private servers from the same MariaDB distribution.
  export COUPON_TEST_MARIADB_BASE="$RUN_DIR/embedded-test/mariadb-base"
  export COUPON_REDIS_HOST=127.0.0.1 COUPON_REDIS_PORT="${COUPON_TEST_EMBEDDED_REDIS_PORT:-16380}"
fi
if [ -z "${COUPON_ROCKETMQ_NAMESRV:-}" ]; then
  port_open 127.0.0.1 "$NAMESRV_PORT" || STARTED_ROCKETMQ=true
  rocketmq_start test "$NAMESRV_PORT" "$BROKER_PORT"
  export COUPON_ROCKETMQ_NAMESRV="127.0.0.1:$NAMESRV_PORT"
fi
# The screens' browser tests drive Debian's Chromium; as root (CI) it is installed when missing,
# elsewhere those tests say loudly that they are skipped.
if { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "Installing Debian's chromium and chromium-driver for the browser tests"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
fi
say "Testing against MariaDB $COUPON_DB_HOST:$COUPON_DB_PORT, Redis $COUPON_REDIS_HOST:$COUPON_REDIS_PORT, RocketMQ $COUPON_ROCKETMQ_NAMESRV"

(cd "$ROOT_DIR" && ./mvnw -B verify "$@")

if [ "${COUPON_SKIP_EMBEDDED_SMOKE:-}" != 1 ]; then
  "$ROOT_DIR/deploy/lib/smoke-legacy.sh"
  "$ROOT_DIR/deploy/lib/smoke-embedded.sh"
fi
say "All tests passed"
