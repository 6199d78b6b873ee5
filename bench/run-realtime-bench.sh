#!/usr/bin/env bash
# Builds tableorder-edge and tableorder-realtime-load (Release, build/bench-rt) and runs the
# real-time scenarios recorded in docs/PERFORMANCE.md ("Real-time"), each against a fresh
# --demo daemon on a temporary data dir, on loopback only.
#
#   bench/run-realtime-bench.sh                    # all scenarios
#   bench/run-realtime-bench.sh one-at-a-time rss  # some of: one-at-a-time single rate-100
#                                                  #          soldout rss rss-sse rss-ws floor
# floor: the disk's own floor for a durable commit where the daemons keep their data
# (tableorder-fsync-probe: 8 KiB rewritten and fdatasync'd, back to back and at 100/s, ORDERS
# times); an order answered after its flush cannot beat it. RESULT fsync-floor.
# soldout: the kitchen switches one item off and on again
# (PATCH /api/v1/menu/items/{id}/availability), one change at a time, 50 warm-up changes then
# CHANGES measured, each timed to its menu.item_availability_changed on the first and on the
# last of 200 tablet streams (half SSE, half WebSocket); RESULT realtime-soldout.
# Environment: BUILD_DIR (default build/bench-rt), SKIP_BUILD=1, PORT (18490), OUT (results
# dir, a new /tmp dir), ORDERS (measured one-at-a-time orders, 2000), DURATION (measured
# seconds at 100/s, 30), CHANGES (measured soldout changes, 500), TABLETS (tablet streams of
# soldout, 200), CONNECTIONS (rss, 5000), PERF=1 (record the daemon with perf during each
# latency or soldout scenario; report in OUT/NAME.perf.txt), DATA_ROOT (where the daemons'
# data dirs go, default OUT; /dev/shm makes fsync free, which shows the CPU bound but is NOT a
# durable measurement), RT=1 (run the daemon and the load program under SCHED_FIFO, `chrt -f 10`, so
# that other work on a shared machine does not add a scheduler slice to every wake-up after
# an fdatasync; see "Noise" in docs/PERFORMANCE.md).
# The daemon's per-request access log goes to a file in OUT, never to the terminal.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build/bench-rt}
PORT=${PORT:-18490}
OUT=${OUT:-$(mktemp -d /tmp/realtime-bench.XXXXXX)}
ORDERS=${ORDERS:-2000}
DURATION=${DURATION:-30}
CHANGES=${CHANGES:-500}
TABLETS=${TABLETS:-200}
CONNECTIONS=${CONNECTIONS:-5000}
mkdir -p "$OUT"
DATA_ROOT=${DATA_ROOT:-$OUT}
PRIO=()
[[ ${RT:-0} == 1 ]] && PRIO=(chrt -f 10)
# EDGE_CPUS / LOAD_CPUS (e.g. 0 and 1): pin the daemon / the load program with `taskset -c`.
EDGE_PIN=()
LOAD_PIN=()
[[ -n ${EDGE_CPUS:-} ]] && EDGE_PIN=(taskset -c "$EDGE_CPUS")
[[ -n ${LOAD_CPUS:-} ]] && LOAD_PIN=(taskset -c "$LOAD_CPUS")
SCENARIOS=("$@")
[[ ${#SCENARIOS[@]} -gt 0 ]] || SCENARIOS=(one-at-a-time single rate-100 soldout rss)

# 5,000 streams are 5,000 descriptors in the daemon and as many in the load program.
ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < CONNECTIONS + 1000)); then
    echo "ulimit -n is $(ulimit -n); the rss scenario needs more than $((CONNECTIONS + 1000))" >&2
fi

if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DTABLEORDER_BUILD_TESTS=OFF -DTABLEORDER_BUILD_BENCH=ON >/dev/null
    cmake --build "$BUILD_DIR" -j2 --target tableorder-edge tableorder-realtime-load tableorder-fsync-probe
fi
EDGE=$BUILD_DIR/edge/tableorder-edge
LOAD=$BUILD_DIR/bench/tableorder-realtime-load
[[ -x $EDGE && -x $LOAD ]] || { echo "missing $EDGE or $LOAD" >&2; exit 1; }

DAEMON_PID=
PERF_PID=
stop_daemon() {
    if [[ -n $PERF_PID ]] && kill -0 "$PERF_PID" 2>/dev/null; then
        kill -INT "$PERF_PID"
        wait "$PERF_PID" 2>/dev/null || true
    fi
    PERF_PID=
    if [[ -n $DAEMON_PID ]] && kill -0 "$DAEMON_PID" 2>/dev/null; then
        kill -TERM "$DAEMON_PID"
        wait "$DAEMON_PID" 2>/dev/null || true
    fi
    DAEMON_PID=
}
trap stop_daemon EXIT

start_daemon() {
    local name=$1 data=$DATA_ROOT/$1.data
    rm -rf "$data"
    # 200 tables need more than the default 100; every order stays active (nobody completes
    # them); the connection limits are raised for the 5,000-connection run. Receipts keep
    # the default 10 s timeout: one kitchen screen acknowledges every order.
    TABLEORDER_LIMITS_MAX_TABLES=1000 TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS=1000000 \
        TABLEORDER_REALTIME_MAX_TABLE_CONNECTIONS=20000 \
        TABLEORDER_REALTIME_MAX_STAFF_CONNECTIONS=1000 \
        TABLEORDER_REALTIME_MAX_STREAMS_PER_TABLE=1000 \
        TABLEORDER_REALTIME_MAX_STREAMS_PER_STAFF=1000 \
        "${EDGE_PIN[@]}" "${PRIO[@]}" "$EDGE" --listen "127.0.0.1:$PORT" --data-dir "$data" --demo --no-rate-limit \
        >"$OUT/$name.daemon.out" 2>>"$OUT/$name.daemon.log" &
    DAEMON_PID=$!
    for _ in $(seq 600); do
        if grep -q 'listening on' "$OUT/$name.daemon.out" "$OUT/$name.daemon.log" 2>/dev/null; then
            sleep 1
            return 0
        fi
        kill -0 "$DAEMON_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "daemon did not start; see $OUT/$name.daemon.log" >&2
    exit 1
}

report_perf() {
    local name=$1
    [[ ${PERF:-0} == 1 && -f $OUT/$name.perf.data ]] || return 0
    perf report -i "$OUT/$name.perf.data" --stdio --no-children --percent-limit 1.5 \
        --sort dso,symbol >"$OUT/$name.perf.txt" 2>/dev/null || true
    echo "   perf profile: $OUT/$name.perf.txt"
}

load() {
    local name=$1
    shift
    echo "-- $name: $(uptime)" | tee -a "$OUT/$name.txt"
    echo "   tableorder-realtime-load $*" | tee -a "$OUT/$name.txt"
    # Table tokens are minted with the store's secret instead of 200 argon2 logins.
    "${LOAD_PIN[@]}" "${PRIO[@]}" "$LOAD" "$@" --port "$PORT" --pid "$DAEMON_PID" --secret "$DATA_ROOT/$name.data/jwt-secret" 2>&1 \
        | tee -a "$OUT/$name.txt" || true
}

# profiled_scenario NAME MODE ARGS...: a fresh daemon, the load program in MODE (latency or
# soldout), perf on the daemon if PERF=1.
profiled_scenario() {
    local name=$1 mode=$2
    shift 2
    start_daemon "$name"
    # Setup (table logins, connecting) is not profiled: perf attaches once the load program
    # prints its "connections:" line. The subshell becomes perf (exec), so PERF_PID is perf.
    if [[ ${PERF:-0} == 1 ]]; then
        (
            for _ in $(seq 1200); do
                grep -q '^connections:' "$OUT/$name.txt" 2>/dev/null && break
                sleep 0.1
            done
            exec perf record -F 1999 -g -p "$DAEMON_PID" -o "$OUT/$name.perf.data" >/dev/null 2>&1
        ) &
        PERF_PID=$!
    fi
    load "$name" "$mode" "$@"
    if [[ -n $PERF_PID ]]; then
        kill -INT "$PERF_PID" 2>/dev/null || true
        wait "$PERF_PID" 2>/dev/null || true
        PERF_PID=
    fi
    stop_daemon
    report_perf "$name"
}

latency_scenario() {
    local name=$1
    shift
    profiled_scenario "$name" latency "$@"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "results: $OUT (data dirs under $DATA_ROOT: $(df --output=fstype "$DATA_ROOT" | tail -1)); ulimit -n $(ulimit -n)"
echo "scheduling: ${PRIO[*]:-normal (set RT=1 for SCHED_FIFO)}"
echo "load before: $(uptime)"

for scenario in "${SCENARIOS[@]}"; do
    case $scenario in
    one-at-a-time)
        latency_scenario one-at-a-time --rate 0 --orders "$ORDERS" --warmup 200 --staff 10 --tablets 200
        ;;
    single)
        latency_scenario single --rate 0 --orders "$ORDERS" --warmup 200 --staff 1 --tablets 0 \
            --staff-transport ws
        ;;
    rate-100)
        latency_scenario rate-100 --rate 100 --duration "$DURATION" --warmup 200 --staff 10 --tablets 200
        ;;
    soldout)
        profiled_scenario soldout soldout --changes "$CHANGES" --warmup 50 --tablets "$TABLETS" \
            --tables "$TABLETS" --tablet-transport mixed
        ;;
    floor)
        for interval in 0 10; do
            echo "-- floor, one fdatasync every ${interval} ms: $(uptime)" | tee -a "$OUT/floor.txt"
            "${PRIO[@]}" "$BUILD_DIR/bench/tableorder-fsync-probe" --dir "$DATA_ROOT" --count "$ORDERS" \
                --interval-ms "$interval" | tee -a "$OUT/floor.txt"
        done
        ;;
    rss | rss-sse | rss-ws)
        transport=mixed
        [[ $scenario == rss-sse ]] && transport=sse
        [[ $scenario == rss-ws ]] && transport=ws
        start_daemon "$scenario"
        load "$scenario" rss --connections "$CONNECTIONS" --transport "$transport"
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
