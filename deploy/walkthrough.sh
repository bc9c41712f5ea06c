#!/usr/bin/env bash
# The README walkthrough as a script that checks every answer:
#   ./deploy/walkthrough.sh [API_URL] [ADMIN_URL]
# An operator creates and publishes a template, user 12345 claims it (and retries), lists their
# coupons; the checkout service quotes a cart, locks the coupon for an order, consumes it and
# refunds the order; marketing generates codes and the user redeems one (and replays it); a call
# without a token is refused.
#   ./deploy/walkthrough.sh --legacy [API_URL] [ADMIN_URL]
# The same calls against ./deploy/run.sh --legacy-demo (phase LEGACY): user 100001 of the generated
# mall lists their legacy coupons, claims the demo template 900001, checks out with it and redeems
# the demo code typed in lower case, every answer in the platform's shapes; the back office refuses
# changes with 409 MIGRATION_FREEZE.
# Uses ADMIN_PASSWORD, TOKEN and SERVICE_TOKEN from the environment, else the secrets
# deploy/run.sh generated.
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LEGACY=false
if [ "${1:-}" = --legacy ]; then
  LEGACY=true
  shift
fi
API="${1:-http://127.0.0.1:8080}"
ADMIN="${2:-http://127.0.0.1:8081}"
USER_ID=12345
[ "$LEGACY" = true ] && USER_ID=100001
source "$ROOT_DIR/deploy/lib/common.sh"
# The exported COUPON_JWT_SECRET / COUPON_ADMIN_PASSWORD win over the file, as in run.sh.
load_local_secrets "${COUPON_SECRETS_FILE:-$ROOT_DIR/deploy/.local-secrets}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-${COUPON_ADMIN_PASSWORD:-}}"
if [ -z "${TOKEN:-}" ]; then
  TOKEN=$(java "$ROOT_DIR/deploy/tools/LocalToken.java" token "$COUPON_JWT_SECRET" "$USER_ID" coupon.user 1)
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

# checkout ORDER_ID COUPON_ID: quote a cart of 120.00, lock, consume and refund the coupon.
checkout() {
  local order=$1 coupon=$2
  step "Checkout quotes a cart of 120.00 for user $USER_ID: the coupon takes 10.00 off"
  expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
    "$API/api/v1/checkout/quote" \
    -d '{"userId":"'"$USER_ID"'","items":[{"skuId":"sku-1","categoryId":"shoes","unitPrice":6000,"quantity":2}]}'
  printf '%s' "$BODY" | grep -q "{\"couponId\":\"$coupon\",\"discount\":1000}" \
    || { echo "the quote does not offer the coupon" >&2; exit 1; }
  step "Checkout locks it for order $order, the order is paid, later refunded"
  expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
    "$API/api/v1/orders/$order/coupon-lock" -d '{"couponId":"'"$coupon"'","orderAmount":12000,"userId":"'"$USER_ID"'"}'
  printf '%s' "$BODY" | grep -q '"status":"LOCKED"' || { echo "not locked" >&2; exit 1; }
  expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
    "$API/api/v1/orders/$order/coupon-lock/consume" -d '{"userId":"'"$USER_ID"'"}'
  printf '%s' "$BODY" | grep -q '"status":"USED"' || { echo "not used" >&2; exit 1; }
  expect 200 -H "Authorization: Bearer $SERVICE_TOKEN" -H 'Content-Type: application/json' \
    "$API/api/v1/orders/$order/coupon-refund" -d '{"userId":"'"$USER_ID"'"}'
  printf '%s' "$BODY" | grep -q '"status":"UNUSED"' || { echo "not given back" >&2; exit 1; }
}

# claim TEMPLATE_ID: the user claims it, retries, finds it in their unused coupons; sets COUPON_ID.
claim() {
  local template=$1 request="walkthrough-$RANDOM$RANDOM"
  step "User $USER_ID claims template $template"
  expect 201 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/claims" \
    -d '{"templateId":"'"$template"'","requestId":"'"$request"'"}'
  COUPON_ID=$(printf '%s' "$BODY" | sed -n 's/.*"couponId":"\([0-9]*\)".*/\1/p')
  step "A retry with the same requestId returns the same coupon (200)"
  expect 200 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/claims" \
    -d '{"templateId":"'"$template"'","requestId":"'"$request"'"}'
  printf '%s' "$BODY" | grep -q "\"couponId\":\"$COUPON_ID\"" || { echo "retry returned another coupon" >&2; exit 1; }
  step "The user lists their unused coupons"
  expect 200 -H "Authorization: Bearer $TOKEN" "$API/api/v1/coupons?status=UNUSED"
  printf '%s' "$BODY" | grep -q "\"couponId\":\"$COUPON_ID\"" || { echo "coupon missing from the list" >&2; exit 1; }
}

# redeem TYPED CODE: the user redeems a code as typed, replays it, and a made-up code is refused.
redeem() {
  local typed=$1 code=$2 request="walkthrough-redeem-$RANDOM$RANDOM"
  step "User $USER_ID types the code as $typed, then sends it again"
  expect 201 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/redemptions" \
    -d '{"code":"'"$typed"'","requestId":"'"$request"'"}'
  local redeemed
  redeemed=$(printf '%s' "$BODY" | sed -n 's/.*"couponId":"\([0-9]*\)".*/\1/p')
  expect 200 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/redemptions" \
    -d '{"code":"'"$code"'","requestId":"'"$request"'"}'
  printf '%s' "$BODY" | grep -q "\"couponId\":\"$redeemed\"" || { echo "the replay gave another coupon" >&2; exit 1; }
  step "A code that does not exist gets the one refusal, 422 CODE_NOT_REDEEMABLE"
  expect 422 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$API/api/v1/redemptions" \
    -d '{"code":"NOT-A-REAL-CODE","requestId":"'"$request-x"'"}'
}

if [ "$LEGACY" = true ]; then
  step "User $USER_ID of the legacy mall lists their coupons, legacy IDs and quirks as they are"
  expect 200 -H "Authorization: Bearer $TOKEN" "$API/api/v1/coupons?limit=100"
  printf '%s' "$BODY" | grep -q '"couponId":"' || { echo "no legacy coupons listed" >&2; exit 1; }
  claim 900001
  checkout "LEGACY-WALK-$RANDOM$RANDOM" "$COUPON_ID"
  redeem demo-code-0001 DEMO-CODE-0001
  step "The back office is frozen while the platform serves from the legacy database: 409 MIGRATION_FREEZE"
  expect 409 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$ADMIN/admin/api/v1/templates" \
    -d '{"name":"Frozen","type":"FIXED_AMOUNT","discountAmount":500,"totalStock":10,"perUserLimit":1,
         "claimStart":"2026-01-01T00:00:00Z","claimEnd":"2030-12-31","validity":{"type":"RELATIVE","days":30}}'
  printf '%s' "$BODY" | grep -q '"code":"MIGRATION_FREEZE"' || { echo "the back office is not frozen" >&2; exit 1; }
  step "Without a token the API answers 401 problem+json"
  expect 401 "$API/api/v1/coupons"
  printf '\nLegacy walkthrough passed: coupon %s of template 900001, served from the legacy database\n' "$COUPON_ID"
  exit 0
fi

step "An operator creates a template: spend 100.00, save 10.00; 100 coupons, one per user"
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
expect 201 -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' "$ADMIN/admin/api/v1/templates" \
  -d '{"name":"Spend 100 save 10","type":"THRESHOLD","discountAmount":1000,"thresholdAmount":10000,
       "totalStock":100,"perUserLimit":1,"claimStart":"'"$NOW"'","claimEnd":"2030-12-31",
       "validity":{"type":"RELATIVE","days":30}}'
TEMPLATE_ID=$(printf '%s' "$BODY" | sed -n 's/.*"id":"\([0-9]*\)".*/\1/p')

step "The operator publishes it"
expect 200 -u "admin:$ADMIN_PASSWORD" -X POST "$ADMIN/admin/api/v1/templates/$TEMPLATE_ID/publish"

claim "$TEMPLATE_ID"
checkout "walkthrough-order-$RANDOM$RANDOM" "$COUPON_ID"

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

TYPED=$(printf '%s' "$CODE" | tr 'A-Z' 'a-z' | sed 's/\(....\)/\1-/g')
redeem "$TYPED" "$CODE"

step "Without a token the API answers 401 problem+json"
expect 401 "$API/api/v1/coupons"

printf '\nWalkthrough passed: template %s, coupon %s\n' "$TEMPLATE_ID" "$COUPON_ID"
