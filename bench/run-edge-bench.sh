#!/usr/bin/env bash
# Builds tableorder-edge and tableorder-edge-load (Release) and runs the scenarios recorded in
# docs/PERFORMANCE.md, each against a fresh daemon on a temporary data dir, on loopback only.
#
#   bench/run-edge-bench.sh                 # all scenarios
#   bench/run-edge-bench.sh orders-100 menu # some of: idle orders-100 menu search
#                                           #          orders-2000 orders-4000 orders-closed alerts
#   bench/run-edge-bench.sh logins          # orders-100 quiet vs. with 20 logins/s, 3 runs
#                                           # each, interleaved (not in the default set)
#   bench/run-edge-bench.sh menu-large      # a 500-item, four-language menu with options
#                                           # (bench/seed-large-menu.py): its size and GET /menu
#                                           # at 50 connections (not in the default set)
#   bench/run-edge-bench.sh orders-options  # on that menu: closed-loop orders, plain vs three
#                                           # options per line, 3 runs each, interleaved
# Environment: BUILD_DIR (default build/release, through the release preset), SKIP_BUILD=1,
# PORT (18480), DURATION (measured seconds per run, 30), OUT (results dir, a new /tmp dir),
# DATA_ROOT (where the daemons' data dirs go, default OUT; /dev/shm makes fsync free, which
# shows the CPU bound but is NOT a durable measurement), RT=1 (run the daemon and the load
# program under SCHED_FIFO, `chrt -f 10`, so that other work on a shared machine does not
# delay them: without it a woken process can wait a 4 ms scheduler slice, e.g. after every
# fdatasync; the kernel's RT throttling still leaves 5% of each core to everything else).
# EDGE_CPUS / LOAD_CPUS (e.g. 0 and 1): pin the daemon / the load program to those cores with
# `taskset -c` (a store's box is small: EDGE_CPUS=0 LOAD_CPUS=1 gives the daemon one core).
# The daemon's per-request access log goes to a file in OUT, never to the terminal.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-}
PORT=${PORT:-18480}
DURATION=${DURATION:-30}
OUT=${OUT:-$(mktemp -d /tmp/edge-bench.XXXXXX)}
mkdir -p "$OUT"
DATA_ROOT=${DATA_ROOT:-$OUT}
SCENARIOS=("$@")
[[ ${#SCENARIOS[@]} -gt 0 ]] || SCENARIOS=(idle orders-100 menu search orders-2000 orders-closed alerts)

if [[ -z $BUILD_DIR ]]; then
    BUILD_DIR=$ROOT/build/release
    if [[ ${SKIP_BUILD:-0} != 1 ]]; then
        (cd "$ROOT" && cmake --preset release -DTABLEORDER_BUILD_BENCH=ON >/dev/null)
        cmake --build "$BUILD_DIR" -j2 --target tableorder-edge tableorder-edge-load
    fi
elif [[ ${SKIP_BUILD:-0} != 1 ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DTABLEORDER_BUILD_TESTS=OFF -DTABLEORDER_BUILD_BENCH=ON >/dev/null
    cmake --build "$BUILD_DIR" -j2 --target tableorder-edge tableorder-edge-load
fi
EDGE=$BUILD_DIR/edge/tableorder-edge
LOAD=$BUILD_DIR/bench/tableorder-edge-load
PRIO=()
[[ ${RT:-0} == 1 ]] && PRIO=(chrt -f 10)
EDGE_PIN=()
LOAD_PIN=()
[[ -n ${EDGE_CPUS:-} ]] && EDGE_PIN=(taskset -c "$EDGE_CPUS")
[[ -n ${LOAD_CPUS:-} ]] && LOAD_PIN=(taskset -c "$LOAD_CPUS")
[[ -x $EDGE && -x $LOAD ]] || { echo "missing $EDGE or $LOAD" >&2; exit 1; }

DAEMON_PID=
stop_daemon() {
    if [[ -n $DAEMON_PID ]] && kill -0 "$DAEMON_PID" 2>/dev/null; then
        kill -TERM "$DAEMON_PID"
        wait "$DAEMON_PID" 2>/dev/null || true
    fi
    DAEMON_PID=
}
trap stop_daemon EXIT

# start_daemon NAME [--keep]: a fresh data dir unless --keep (restart on the same data).
start_daemon() {
    local name=$1 data=$DATA_ROOT/$1.data
    [[ ${2:-} == --keep ]] || rm -rf "$data"
    # Another daemon on the port would take the load and spoil the numbers.
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "port $PORT is already in use; choose another with PORT=..." >&2
        exit 1
    fi
    # More tables than the 100 default (search and load use up to 100 of their own) and room
    # for every order the runs create without staff completing them. The staff screens here
    # poll and send no delivery receipts, so the unacknowledged-order alert (one durable
    # event per order after 10 s) is pushed out of the runs unless a scenario wants it.
    TABLEORDER_LIMITS_MAX_TABLES=1000 TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS=1000000 \
        TABLEORDER_REALTIME_ACK_TIMEOUT_MS=${ACK_TIMEOUT_MS:-3600000} \
        "${EDGE_PIN[@]}" "${PRIO[@]}" "$EDGE" --listen "127.0.0.1:$PORT" --data-dir "$data" --demo --no-rate-limit \
        >"$OUT/$name.daemon.out" 2>>"$OUT/$name.daemon.log" &
    DAEMON_PID=$!
    for _ in $(seq 300); do # the --demo seeding hashes passwords: slow on a busy machine
        kill -0 "$DAEMON_PID" 2>/dev/null || break
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
            sleep 1 # let it settle before the idle RSS is read
            return 0
        fi
        sleep 0.1
    done
    echo "daemon did not start; see $OUT/$name.daemon.log" >&2
    exit 1
}

load() {
    local name=$1
    shift
    echo "-- $name: $(uptime)" | tee -a "$OUT/$name.txt"
    echo "   tableorder-edge-load $*" | tee -a "$OUT/$name.txt"
    "${LOAD_PIN[@]}" "${PRIO[@]}" "$LOAD" "$@" --port "$PORT" --pid "$DAEMON_PID" | tee -a "$OUT/$name.txt" || true
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "results: $OUT (data dirs under $DATA_ROOT: $(df --output=fstype "$DATA_ROOT" | tail -1))"
echo "load before: $(uptime)"
echo "scheduling: ${PRIO[*]:-normal (set RT=1 for SCHED_FIFO)}; daemon cores: ${EDGE_CPUS:-any}, load cores: ${LOAD_CPUS:-any}"

for scenario in "${SCENARIOS[@]}"; do
    case $scenario in
    idle)
        # Idle RSS right after a fresh --demo start, then after a restart on the same data
        # (no demo seeding, so no password hashing in this process): the store's steady idle.
        start_daemon idle
        echo "idle RSS, fresh --demo start:" | tee -a "$OUT/idle.txt"
        load idle rss
        stop_daemon
        start_daemon idle --keep
        sleep 2
        echo "idle RSS, restart on the same data dir:" | tee -a "$OUT/idle.txt"
        load idle rss
        stop_daemon
        ;;
    orders-100)
        start_daemon orders-100
        load orders-100 orders --tablets 100 --rate 100 --duration "$DURATION" --warmup 5 --staff 2
        stop_daemon
        ;;
    menu)
        start_daemon menu
        load menu menu --connections 50 --duration "$DURATION" --warmup 2
        stop_daemon
        ;;
    search)
        start_daemon search
        load search search --tablets 20 --rate 250 --duration 10 --warmup 2 --max-p99-ms 10 --precision 0.05
        stop_daemon
        ;;
    orders-2000 | orders-4000)
        start_daemon "$scenario"
        load "$scenario" orders --tablets 100 --rate "${scenario#orders-}" --duration "$DURATION" --warmup 5 --staff 2
        stop_daemon
        ;;
    alerts)
        # orders-100 with the default 10 s acknowledgement timeout: no screen sends receipts.
        ACK_TIMEOUT_MS=10000 start_daemon alerts
        load alerts orders --tablets 100 --rate 100 --duration "$DURATION" --warmup 5 --staff 2
        stop_daemon
        ;;
    logins)
        # Order p99 at 100 orders/s, quiet and while 20 staff logins/s are attempted (half with
        # a wrong password; --no-rate-limit, so every one is an argon2id check). Quiet and
        # loaded runs alternate so that other work on the machine spreads over both.
        for run in 1 2 3; do
            start_daemon "logins-quiet-$run"
            load "logins-quiet-$run" orders --tablets 100 --rate 100 --duration "$DURATION" --warmup 5 --staff 2
            stop_daemon
            start_daemon "logins-20-$run"
            load "logins-20-$run" orders --tablets 100 --rate 100 --duration "$DURATION" --warmup 5 --staff 2 \
                --login-rate 20
            stop_daemon
        done
        ;;
    menu-large)
        start_daemon menu-large
        python3 "$ROOT/bench/seed-large-menu.py" --port "$PORT" --items 500 | tee -a "$OUT/menu-large.txt"
        load menu-large menu --connections 50 --duration "$DURATION" --warmup 2
        load menu-large-gzip menu --connections 50 --duration "$DURATION" --warmup 2 \
            --accept-encoding "gzip, deflate"
        stop_daemon
        ;;
    orders-options)
        for run in 1 2 3; do
            for options in 0 3; do
                start_daemon "orders-options$options-$run"
                python3 "$ROOT/bench/seed-large-menu.py" --port "$PORT" --items 500 >/dev/null
                load "orders-options$options-$run" orders-closed --connections 20 --duration "$DURATION" \
                    --warmup 2 --options "$options"
                stop_daemon
            done
        done
        ;;
    orders-closed)
        start_daemon orders-closed
        load orders-closed orders-closed --connections 20 --duration "$DURATION" --warmup 2
        stop_daemon
        ;;
    *)
        echo "unknown scenario $scenario" >&2
        exit 2
        ;;
    esac
done

echo "load after: $(uptime)"
echo "== summary (RESULT lines; full output in $OUT)"
grep -h '^RESULT' "$OUT"/*.txt || true
