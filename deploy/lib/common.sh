# Shared helpers of run.sh and test.sh. Sourced, not executed.

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="${COUPON_RUN_DIR:-$ROOT_DIR/.run}"

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# True when something accepts TCP connections on host:port (bash's /dev/tcp: no nc needed).
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# wait_for_port HOST PORT SECONDS WHAT
wait_for_port() {
  local deadline=$((SECONDS + $3))
  until port_open "$1" "$2"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$4 did not listen on $1:$2 within $3 s"
    sleep 0.5
  done
}

# wait_for_line FILE TEXT PIDFILE SECONDS WHAT: waits until a process started in the background
# writes TEXT to its log, failing fast if it exits first.
wait_for_line() {
  local file=$1 text=$2 pidfile=$3 deadline=$((SECONDS + $4)) what=$5
  until grep -q "$text" "$file" 2>/dev/null; do
    kill -0 "$(cat "$pidfile")" 2>/dev/null || die "$what exited; see $file"
    [ "$SECONDS" -lt "$deadline" ] || die "$what not ready within $4 s; see $file"
    sleep 0.5
  done
}

# Maven through the wrapper, quiet and in batch mode.
mvnw() { (cd "$ROOT_DIR" && ./mvnw -B -q "$@"); }

# load_local_secrets FILE: COUPON_JWT_SECRET and COUPON_ADMIN_PASSWORD from a file of NAME=VALUE
# lines, each only where the environment leaves it unset: what the user exported wins over what an
# earlier run generated.
load_local_secrets() {
  local file=$1 line name
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    # Split at the first '=' only: a value may hold more of them, trailing ones included.
    name=${line%%=*}
    case "$name" in
      COUPON_JWT_SECRET | COUPON_ADMIN_PASSWORD)
        if [ -z "${!name:-}" ]; then
          printf -v "$name" '%s' "${line#*=}"
          export "${name?}"
        fi
        ;;
    esac
  done <"$file"
}

# stop_pid FILE: SIGTERM the process recorded in FILE, wait, then SIGKILL if it lingers.
stop_pid() {
  local file=$1 pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# fetch_jars POM DIR WHAT: copies the jars of a helper POM (from ~/.m2, else Maven Central) into DIR,
# once; a marker file tells a complete copy from one an interrupted run left behind.
fetch_jars() {
  local pom=$1 dir=$2 what=$3
  if [ ! -f "$dir/.complete" ]; then
    say "Fetching $what from Maven Central (once)"
    rm -rf "$dir"
    mvnw -f "$pom" dependency:copy-dependencies -DoutputDirectory="$dir" || die "could not fetch $what"
    touch "$dir/.complete"
  fi
}
