# A real RocketMQ NameServer and Broker from Maven Central artifacts (STACK.md). Sourced.
# rocketmq_start NAME NAMESRV_PORT BROKER_PORT starts both (unless the name server already answers)
# under $RUN_DIR/rocketmq-NAME; rocketmq_stop NAME stops what rocketmq_start started.

ROCKETMQ_LIB="$RUN_DIR/rocketmq-lib"

rocketmq_start() {
  local name=$1 namesrv_port=$2 broker_port=$3 home="$RUN_DIR/rocketmq-$1"
  if port_open 127.0.0.1 "$namesrv_port"; then
    say "RocketMQ name server already answers on 127.0.0.1:$namesrv_port: using it"
    return 0
  fi
  fetch_jars deploy/rocketmq/pom.xml "$ROCKETMQ_LIB" "the RocketMQ 5.5.0 server jars (~94 MB)"
  mkdir -p "$home/store" "$home/home"
  cat >"$home/namesrv.properties" <<CONF
listenPort=$namesrv_port
bindAddress=127.0.0.1
CONF
  # Production defaults pre-allocate gigabytes; these sizes fit a laptop or a 2-core CI box.
  cat >"$home/broker.conf" <<CONF
brokerClusterName=CouponCluster
brokerName=coupon-broker-$name
brokerId=0
listenPort=$broker_port
haListenPort=$((broker_port + 1))
brokerIP1=127.0.0.1
bindAddress=127.0.0.1
namesrvAddr=127.0.0.1:$namesrv_port
storePathRootDir=$home/store
storePathCommitLog=$home/store/commitlog
autoCreateTopicEnable=true
flushDiskType=ASYNC_FLUSH
mappedFileSizeCommitLog=67108864
mappedFileSizeConsumeQueue=600000
maxHashSlotNum=100000
maxIndexNum=400000
timerWheelEnable=false
CONF
  # user.home: both servers write their logs under ${user.home}/logs.
  local jvm=(-cp "$ROCKETMQ_LIB/*" -Drocketmq.home.dir="$home/home" -Duser.home="$home/home"
    -XX:+UseSerialGC -Xss512k)
  nohup java "${jvm[@]}" -Xms64m -Xmx64m org.apache.rocketmq.namesrv.NamesrvStartup \
    -c "$home/namesrv.properties" >"$home/namesrv.out" 2>&1 &
  echo $! >"$home/namesrv.pid"
  wait_for_port 127.0.0.1 "$namesrv_port" 60 "RocketMQ name server"
  nohup java "${jvm[@]}" -Xms192m -Xmx192m -XX:MaxDirectMemorySize=128m \
    org.apache.rocketmq.broker.BrokerStartup -c "$home/broker.conf" >"$home/broker.out" 2>&1 &
  echo $! >"$home/broker.pid"
  wait_for_line "$home/broker.out" "boot success" "$home/broker.pid" 90 "RocketMQ broker"
  touch "$home/started-here"
  say "RocketMQ name server 127.0.0.1:$namesrv_port and broker 127.0.0.1:$broker_port are up"
}

rocketmq_stop() {
  local home="$RUN_DIR/rocketmq-$1"
  [ -f "$home/started-here" ] || return 0
  stop_pid "$home/broker.pid"
  stop_pid "$home/namesrv.pid"
  rm -f "$home/started-here"
}
