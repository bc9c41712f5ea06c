#!/usr/bin/env bash
# The migration's operator CLI (coupon-migration), configured by the COUPON_* environment variables
# the services read (docs/configuration.md); builds the module when it is missing or older than its
# sources. Verbs:
#
#   ./deploy/migrate.sh schema                         create or upgrade the platform's databases
#   ./deploy/migrate.sh abandon                        end a migration still in phase LEGACY (it moved nothing)
#   ./deploy/migrate.sh status [--json]                the migration's phase, last transition, live processes
#   ./deploy/migrate.sh transition PHASE [--dry-run] [--json]
#                                                      record a transition for the worker and wait for its end
#   ./deploy/migrate.sh worker                         run the migration worker (run.sh starts one)
#   ./deploy/migrate.sh demo-reset                     drop a demo platform's databases (prefix ending in _demo)
#   ./deploy/migrate.sh locate USER_ID | code:CODE     the shard database and table of a key
#   ./deploy/migrate.sh legacy-schema --database NAME  the legacy mall tables in an empty database
#   ./deploy/migrate.sh legacy-demo --database NAME   rebuild a small legacy mall to try (run.sh --legacy-demo)
#   ./deploy/migrate.sh legacy-generate --database NAME --users N --templates N --coupons N --codes N \
#       --seed S [--now INSTANT]                       fill them reproducibly with every legacy quirk
#
# The legacy database's server is COUPON_LEGACY_DB_HOST / _PORT / _USER / _PASSWORD (default: the
# COUPON_DB_* server); its local times are read in COUPON_LEGACY_TIME_ZONE (default Asia/Shanghai).
# Exit status: 0 done, 2 refused, 1 error.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

MODULE="$ROOT_DIR/coupon-migration"
CLASSPATH_FILE="$MODULE/target/migration.classpath"
if [ ! -f "$CLASSPATH_FILE" ] || [ -n "$(find "$MODULE/src/main" "$ROOT_DIR/coupon-core/src/main" "$ROOT_DIR/sql" \
    -newer "$CLASSPATH_FILE" -type f -print -quit)" ]; then
  say "Building coupon-migration"
  mvnw -DskipTests package -pl coupon-migration -am >&2 || die "build failed"
fi
# coupon-core's classes come from its module (not the installed jar), so the current sql/ is used.
CP="$MODULE/target/classes:$ROOT_DIR/coupon-core/target/classes:$(cat "$CLASSPATH_FILE")"
exec java ${COUPON_MIGRATE_JAVA_OPTS:--Xmx1g} -cp "$CP" com.couponplatform.migrationtool.MigrationCli "$@"
