#!/bin/bash
# First start of a replica: the services' user (reads only: the server is super-read-only), then
# replication from SOURCE_HOST by GTID auto-positioning, from the primary's first transaction.
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
SET SESSION sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'coupon'@'%' IDENTIFIED BY '${COUPON_DB_PASSWORD}';
GRANT SELECT ON \`coupon\\_%\`.* TO 'coupon'@'%';
CHANGE REPLICATION SOURCE TO SOURCE_HOST = '${SOURCE_HOST}', SOURCE_PORT = 3306,
  SOURCE_USER = 'replication', SOURCE_PASSWORD = '${REPLICATION_PASSWORD}',
  SOURCE_AUTO_POSITION = 1, GET_SOURCE_PUBLIC_KEY = 1;
START REPLICA;
SQL
