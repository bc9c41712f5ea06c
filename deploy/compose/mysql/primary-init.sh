#!/bin/bash
# First start of a primary (the image runs /docker-entrypoint-initdb.d once, on an empty volume):
# the services' user, which creates and migrates its own <prefix>_* databases, and the replicas'
# user. Not binary-logged: each replica creates the same users itself (replica-init.sh). Last, the
# binary log the initialisation wrote (time zone tables ...) is dropped, so a replica's GTID
# auto-positioning starts with the first transaction of the services.
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
SET SESSION sql_log_bin = 0;
CREATE USER IF NOT EXISTS 'coupon'@'%' IDENTIFIED BY '${COUPON_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`coupon\\_%\`.* TO 'coupon'@'%';
CREATE USER IF NOT EXISTS 'replication'@'%' IDENTIFIED BY '${REPLICATION_PASSWORD}';
GRANT REPLICATION SLAVE ON *.* TO 'replication'@'%';
RESET BINARY LOGS AND GTIDS;
SQL
