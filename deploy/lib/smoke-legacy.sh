#!/usr/bin/env bash
# Smoke test of the legacy demo: ./deploy/run.sh --legacy-demo on private ports over the services
# test.sh uses, the legacy walkthrough against it (every user served from the legacy database,
# the back office frozen), a phase round trip through migrate.sh and run.sh's worker, then SIGTERM
# and a check that both services stopped. Called by test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

export COUPON_RUN_NAME=smoke-legacy
export COUPON_API_PORT="${COUPON_SMOKE_LEGACY_API_PORT:-18090}" COUPON_ADMIN_PORT="${COUPON_SMOKE_LEGACY_ADMIN_PORT:-18091}"
# Its own databases on the test server: smoke_legacy_mall (rebuilt at every start) and smoke_demo_*.
export COUPON_DB_PREFIX=smoke
export COUPON_SECRETS_FILE="$RUN_DIR/smoke-legacy/secrets"
mkdir -p "$RUN_DIR/smoke-legacy"
LOG="$RUN_DIR/smoke-legacy/run.out"

# The worker's single-writer window, short enough for a smoke test.
export COUPON_MIGRATION_SINGLE_WRITER_WINDOW=2s

# LEGACY → STATIC_FROZEN → LEGACY through migrate.sh, executed by run.sh's worker: each transition
# ends DONE only once the api, the admin and the worker all act on its epoch.
phase_round_trip() {
  local demo=(timeout 300 env COUPON_DB_PREFIX=smoke_demo COUPON_LEGACY_DB_NAME=smoke_legacy_mall) out
  "${demo[@]}" "$ROOT_DIR/deploy/migrate.sh" transition STATIC_FROZEN || return 1
  out=$("${demo[@]}" "$ROOT_DIR/deploy/migrate.sh" status) || return 1
  echo "$out"
  echo "$out" | grep -q "^phase STATIC_FROZEN (epoch 2)" || { say "not in STATIC_FROZEN at epoch 2"; return 1; }
  for kind in coupon-api coupon-admin coupon-migration; do
    echo "$out" | grep -q "^process $kind@.* at epoch 2$" || { say "$kind does not act on epoch 2"; return 1; }
  done
  "${demo[@]}" "$ROOT_DIR/deploy/migrate.sh" transition LEGACY || return 1
}

say "Smoke test: ./deploy/run.sh --legacy-demo (api :$COUPON_API_PORT, admin :$COUPON_ADMIN_PORT)"
"$ROOT_DIR/deploy/run.sh" --legacy-demo >"$LOG" 2>&1 &
RUN_PID=$!
deadline=$((SECONDS + 600))
until grep -q "READY" "$LOG"; do
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$LOG" >&2; die "run.sh --legacy-demo exited before it was ready"; }
  [ "$SECONDS" -lt "$deadline" ] || { kill "$RUN_PID"; cat "$LOG" >&2; die "run.sh --legacy-demo not ready within 600 s"; }
  sleep 2
done

status=0
"$ROOT_DIR/deploy/walkthrough.sh" --legacy "http://127.0.0.1:$COUPON_API_PORT" "http://127.0.0.1:$COUPON_ADMIN_PORT" \
  || status=$?
[ "$status" = 0 ] && { phase_round_trip || status=$?; }
kill -TERM "$RUN_PID"
wait "$RUN_PID" || true
for port in "$COUPON_API_PORT" "$COUPON_ADMIN_PORT"; do
  if port_open 127.0.0.1 "$port"; then
    status=1
    say "port $port still open after SIGTERM"
  fi
done
[ "$status" = 0 ] || { cat "$LOG" >&2; die "smoke test of run.sh --legacy-demo failed"; }
say "Smoke test passed: run.sh --legacy-demo served the legacy walkthrough and stopped cleanly"
