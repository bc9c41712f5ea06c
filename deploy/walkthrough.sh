#!/usr/bin/env bash
# The README walkthrough as a script that checks every answer:
#   ./deploy/walkthrough.sh [API_URL] [ADMIN_URL]
# An operator creates and publishes a template, user 12345 claims it (and retries), lists their
# coupons; the checkout service quotes a cart, locks the coupon for an order, consumes it and
# refunds the order; marketing generates codes and the user redeems one (and replays it); a call
# without a token is refused. Uses ADMIN_PASSWORD, TOKEN and
# SERVICE_TOKEN from the environment, else the secrets deploy/run.sh generated.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="${1:-http://127.0.0.1:8080}"
ADMIN="${2:-http://127.0.0.1:8081}"
source "$ROOT_DIR/deploy/lib/common.sh"
# The exported COUPON_JWT_SECRET / COUPON_ADMIN_PASSWORD win over the file, as in run.sh.
load_local_secrets "${COUPON_SECRETS_FILE:-$ROOT_DIR/deploy/.local-secrets}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-${COUPON_ADMIN_PASSWORD:-}}"
if [ -z "${TOKEN:-}" ]; then
  TOKEN=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" token "$COUPON_JWT_SECRET" 12345 coupon.user 1)
fi
if [ -z "${SERVICE_TOKEN:-}" ]; then
  # A client-credentials token: its subject is the client, the calls name the user.
  SERVICE_TOKEN=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" token "$COUPON_JWT_SECRET" checkout-service coupon.service 1)
fi

step() { printf '\n== %s\n' "$*"; }
# expect STATUS CURL_ARGS...: runs curl, prints the body, fails unless the status matches.
expect() {
  local want=$1; shift
  local out status
  out=$(curl -sS -w '\n%{http_code}' "$@")
  status=${out##*$'\n'}
  BODY=${out%$'\n'*}
  printf '%s\n-> %s\n' "$BODY" "$status"
  [ "$status" = "$want" ] || { echo "expected HTTP $want" >&2; exit 1; }
}

step "An operator creates a template: spend 100.00, save 10.00; 100 coupons, one per user"
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
expect 201 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$ADMIN/admin/api/v1/templates" \
  -d '{"name":"Spend 100 save 10","type":"THRESHOLD","discountAmount":1000,"thresholdAmount":10000,
       "totalStock":100,"perUserLimit":1,"claimStart":"'"$NOW"'","claimEnd":"2030-12-31",
       "validity":{"type":"RELATIVE","days":30}}'
TEMPLATE_ID=$(printf '%s' "$BODY" | sed -n 's/.*"id":"\([0-9]*\)".*/\1/p')

step "The operator publishes it"
expect 200 -u "admin:$ADMIN_PASSWORD" -X POST "$ADMIN/admin/api/v1/templates/$TEMPLATE_ID/publish"

step "User 12345 claims it"
REQUEST_ID="walkthrough-$RANDOM$RANDOM"
expect 201 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/claims" \
  -d '{"templateId":"'"$TEMPLATE_ID"'","requestId":"'"$REQUEST_ID"'"}'
COUPON_ID=$(printf '%s' "$BODY" | sed -n 's/.*"couponId":"\([0-9]*\)".*/\1/p')

step "A retry with the same requestId returns the same coupon (200)"
expect 200 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/claims" \
  -d '{"templateId":"'"$TEMPLATE_ID"'","requestId":"'"$REQUEST_ID"'"}'
printf '%s' "$BODY" | grep -q "\"couponId\":\"$COUPON_ID\"" || { echo "retry returned another coupon" >&2; exit 1; }

step "The user lists their unused coupons"
expect 200 -H "Authorization: Bearer $TOKEN" "$API/api/v1/coupons?status=UNUSED"
printf '%s' "$BODY" | grep -q "\"couponId\":\"$COUPON_ID\"" || { echo "coupon missing from the list" >&2; exit 1; }

step "Checkout quotes a cart of 120.00 for user 12345: the coupon takes 10.00 off"
expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
  "$API/api/v1/checkout/quote" \
  -d '{"userId":"12345","items":[{"skuId":"sku-1","categoryId":"shoes","unitPrice":6000,"quantity":2}]}'
printf '%s' "$BODY" | grep -q "{\"couponId\":\"$COUPON_ID\",\"discount\":1000}" \
  || { echo "the quote does not offer the coupon" >&2; exit 1; }

ORDER_ID="walkthrough-order-$RANDOM$RANDOM"
step "Checkout locks it for order $ORDER_ID, the order is paid, later refunded"
expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
  "$API/api/v1/orders/$ORDER_ID/coupon-lock" -d '{"couponId":"'"$COUPON_ID"'","orderAmount":12000,"userId":"12345"}'
printf '%s' "$BODY" | grep -q '"status":"LOCKED"' || { echo "not locked" >&2; exit 1; }
expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
  "$API/api/v1/orders/$ORDER_ID/coupon-lock/consume" -d '{"userId":"12345"}'
printf '%s' "$BODY" | grep -q '"status":"USED"' || { echo "not used" >&2; exit 1; }
expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
  "$API/api/v1/orders/$ORDER_ID/coupon-refund" -d '{"userId":"12345"}'
printf '%s' "$BODY" | grep -q '"status":"UNUSED"' || { echo "not given back" >&2; exit 1; }

step "Marketing prints codes: a template of 10 coupons, a batch of 5 single-use codes"
expect 201 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$ADMIN/admin/api/v1/templates" \
  -d '{"name":"Code 5 off","type":"FIXED_AMOUNT","discountAmount":500,"totalStock":10,"perUserLimit":1,
       "claimStart":"'"$NOW"'","claimEnd":"2030-12-31","validity":{"type":"RELATIVE","days":30}}'
CODE_TEMPLATE_ID=$(printf '%s' "$BODY" | sed -n 's/.*"id":"\([0-9]*\)".*/\1/p')
expect 200 -u "admin:$ADMIN_PASSWORD" -X POST "$ADMIN/admin/api/v1/templates/$CODE_TEMPLATE_ID/publish"
expect 202 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$ADMIN/admin/api/v1/code-batches" \
  -d '{"templateId":"'"$CODE_TEMPLATE_ID"'","quantity":5,"prefix":"WALK","validUntil":"2030-12-31T00:00:00Z"}'
BATCH_ID=$(printf '%s' "$BODY" | sed -n 's/.*"id":"\([0-9]*\)".*/\1/p')
for _ in $(seq 1 60); do
  expect 200 -u "admin:$ADMIN_PASSWORD" "$ADMIN/admin/api/v1/code-batches/$BATCH_ID" >/dev/null
  printf '%s' "$BODY" | grep -q '"status":"ACTIVE"' && break
  sleep 1
done
printf '%s' "$BODY" | grep -q '"generated":5' || { echo "the batch was not generated" >&2; exit 1; }
expect 200 -u "admin:$ADMIN_PASSWORD" "$ADMIN/admin/api/v1/code-batches/$BATCH_ID/codes.csv" >/dev/null
CODE=$(printf '%s\n' "$BODY" | sed -n '2s/,.*//p')
[ "${#CODE}" = 17 ] || { echo "unexpected code '$CODE'" >&2; exit 1; }

step "User 12345 types the code in lower case with dashes, then sends it again"
TYPED=$(printf '%s' "$CODE" | tr 'A-Z' 'a-z' | sed 's/\(....\)/\1-/g')
REDEEM_ID="walkthrough-redeem-$RANDOM$RANDOM"
expect 201 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/redemptions" \
  -d '{"code":"'"$TYPED"'","requestId":"'"$REDEEM_ID"'"}'
REDEEMED_ID=$(printf '%s' "$BODY" | sed -n 's/.*"couponId":"\([0-9]*\)".*/\1/p')
expect 200 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/redemptions" \
  -d '{"code":"'"$CODE"'","requestId":"'"$REDEEM_ID"'"}'
printf '%s' "$BODY" | grep -q "\"couponId\":\"$REDEEMED_ID\"" || { echo "the replay gave another coupon" >&2; exit 1; }
step "A code that does not exist gets the one refusal, 422 CODE_NOT_REDEEMABLE"
expect 422 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/redemptions" \
  -d '{"code":"NOT-A-REAL-CODE","requestId":"'"$REDEEM_ID-x"'"}'

step "Without a token the API answers 401 problem+json"
expect 401 "$API/api/v1/coupons"

printf '\nWalkthrough passed: template %s, coupon %s\n' "$TEMPLATE_ID" "$COUPON_ID"
