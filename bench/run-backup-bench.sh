#!/usr/bin/env bash
# Order latency while the daemon backs up a 200 MB database (issue 11): p99 of POST /orders at
# 100 orders/s, quiet and while backups run back to back, RUNS times each, on one store whose
# database was grown to SIZE_MB with completed orders of earlier days.
#
#   bench/run-backup-bench.sh
# Environment: BUILD_DIR (default build/release, through the release preset), SKIP_BUILD=1,
# PORT (18490), POLL_S (seconds between status polls, both phases, 1), DURATION (measured seconds per run, 30), RUNS (3), SIZE_MB (200), OUT (results
# dir, a new /tmp dir), EDGE and LOAD (the two binaries, instead of BUILD_DIR's), RT=1 (daemon
# and load program under SCHED_FIFO, as in run-edge-bench.sh: the backup's own thread stays
# SCHED_BATCH, so what is left of its cost is the disk's, not the CPU's). Results: OUT/summary.txt and one file per run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build/release}
PORT=${PORT:-18490}
PRIO=()
[[ ${RT:-0} == 1 ]] && PRIO=(chrt -f 10)
DURATION=${DURATION:-30}
RUNS=${RUNS:-3}
SIZE_MB=${SIZE_MB:-200}
OUT=${OUT:-$(mktemp -d /tmp/backup-bench.XXXXXX)}
mkdir -p "$OUT"
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    (cd "$ROOT" && cmake --preset release -DTABLEORDER_BUILD_BENCH=ON >/dev/null)
    cmake --build "$BUILD_DIR" -j2 --target tableorder-edge tableorder-edge-load
fi
EDGE=${EDGE:-$BUILD_DIR/edge/tableorder-edge}
LOAD=${LOAD:-$BUILD_DIR/bench/tableorder-edge-load}
[[ -x $EDGE && -x $LOAD ]] || { echo "missing $EDGE or $LOAD" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 program (apt-get install sqlite3)" >&2; exit 1; }
DATA=$OUT/store.data
: >"$OUT/backups.log" # a paced backup may outlast every run: then none finished, and it says 0

DAEMON_PID=
BACKUP_LOOP=
stop_daemon() {
    if [[ -n $BACKUP_LOOP ]] && kill -0 "$BACKUP_LOOP" 2>/dev/null; then
        kill "$BACKUP_LOOP"
        wait "$BACKUP_LOOP" 2>/dev/null || true
    fi
    BACKUP_LOOP=
    if [[ -n $DAEMON_PID ]] && kill -0 "$DAEMON_PID" 2>/dev/null; then
        kill -TERM "$DAEMON_PID"
        wait "$DAEMON_PID" 2>/dev/null || true
    fi
    DAEMON_PID=
}
trap stop_daemon EXIT

start_daemon() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "port $PORT is already in use; choose another with PORT=..." >&2
        exit 1
    fi
    TABLEORDER_LIMITS_MAX_TABLES=1000 TABLEORDER_LIMITS_MAX_ACTIVE_ORDERS=1000000 \
        TABLEORDER_REALTIME_ACK_TIMEOUT_MS=3600000 TABLEORDER_BACKUP_KEEP=1 \
        "${PRIO[@]}" "$EDGE" --listen "127.0.0.1:$PORT" --data-dir "$DATA" --demo --no-rate-limit \
        >>"$OUT/daemon.out" 2>>"$OUT/daemon.log" &
    DAEMON_PID=$!
    for _ in $(seq 600); do
        kill -0 "$DAEMON_PID" 2>/dev/null || break
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
            sleep 1
            return 0
        fi
        sleep 0.1
    done
    echo "daemon did not start; see $OUT/daemon.log" >&2
    exit 1
}

# Grow the store: completed orders of earlier business days (4 lines each, a 400-byte note),
# as a store accumulates them over months. Written with the daemon stopped.
start_daemon
stop_daemon
rows=$((SIZE_MB * 1024 * 1024 / 1200))
sqlite3 "$DATA/edge.sqlite3" <<SQL
PRAGMA journal_mode=WAL;
INSERT INTO table_sessions (table_id, opened_at, closed_at)
    SELECT id, '2020-01-01T10:00:00.000Z', '2020-01-01T11:00:00.000Z' FROM tables WHERE number = 1;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO orders (id, client_order_id, request_hash, business_date, number, session_id, table_id,
                    table_number, status, note, total, created_at, updated_at, completed_at)
SELECT 10000000 + i, lower(hex(randomblob(16))), hex(randomblob(32)),
       date('2020-01-01', '+' || (i / 500) || ' days'), i % 500 + 1,
       (SELECT MAX(id) FROM table_sessions), (SELECT id FROM tables WHERE number = 1), 1,
       'completed', hex(randomblob(200)), 36000,
       '2020-01-01T10:00:00.000Z', '2020-01-01T10:30:00.000Z', '2020-01-01T10:30:00.000Z'
FROM n;
INSERT INTO order_items (order_id, menu_item_id, name, unit_price, quantity, line_total)
SELECT o.id, k.k, 'Seeded item ' || k.k, 9000, 1, 9000
FROM orders o, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k
WHERE o.id > 10000000;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
db_mb=$(( $(stat -c %s "$DATA/edge.sqlite3") / 1024 / 1024 ))
echo "database: $db_mb MiB ($rows seeded orders)" | tee "$OUT/summary.txt"

# Both phases poll the backup status the same way, once every POLL_S seconds (default 1), so
# that the only difference between them is the backup, and the polling starts no process: one
# HTTP exchange over bash's /dev/tcp, a wait on a FIFO nobody writes. (Until session 14 only
# the backup phase polled, every 0.2 s with curl | grep: ten processes started a second on the
# 2 cores, which alone took the order p99 up by half.)
POLL_S=${POLL_S:-1}
rm -f "$OUT/never.fifo"
mkfifo "$OUT/never.fifo"
exec {NEVER}<>"$OUT/never.fifo"
pause() { read -r -t "$POLL_S" -u "$NEVER" _ || true; }
http() { # METHOD PATH TOKEN: the answer (head and body) in REPLY_TEXT
    local fd line
    REPLY_TEXT=
    exec {fd}<>"/dev/tcp/127.0.0.1/$PORT" || return 0
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' \
        "$1" "$2" "$3" >&"$fd"
    while IFS= read -r -u "$fd" line || [[ -n $line ]]; do REPLY_TEXT+=$line$'\n'; done
    exec {fd}>&-
}
backup_running() { # TOKEN: true while a backup runs (the answer stays in REPLY_TEXT)
    http GET /api/v1/backups "$1"
    [[ $REPLY_TEXT == *'"running":true'* ]]
}
status_forever() {
    while :; do
        http GET /api/v1/backups "$1"
        pause
    done
}
backups_forever() {
    local token=$1
    while :; do
        http POST /api/v1/backups "$token"
        while backup_running "$token"; do
            pause
        done
        if [[ $REPLY_TEXT =~ \"last\":\{[^}]*\} ]]; then
            echo "${BASH_REMATCH[0]}" >>"$OUT/backups.log"
        fi
    done
}

run() { # NAME: one measured run, its p99 printed
    local name=$1 file=$OUT/$1.txt
    echo "-- $name: $(uptime)" >"$file"
    "${PRIO[@]}" "$LOAD" orders --tablets 100 --rate 100 --duration "$DURATION" --warmup 5 --staff 2 \
        --port "$PORT" --pid "$DAEMON_PID" >>"$file" 2>&1 || true
    grep -o ' p99_ms=[0-9.]*' "$file" | head -1 | cut -d= -f2
}

start_daemon
manager=$(curl -s -H 'Content-Type: application/json' -d '{"username":"manager","password":"manager"}' \
    "http://127.0.0.1:$PORT/api/v1/auth/staff-login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[[ -n $manager ]] || { echo "manager login failed" >&2; exit 1; }
quiet=()
busy=()
for r in $(seq "$RUNS"); do
    status_forever "$manager" &
    BACKUP_LOOP=$!
    quiet+=("$(run quiet-$r)")
    kill "$BACKUP_LOOP"
    wait "$BACKUP_LOOP" 2>/dev/null || true
    BACKUP_LOOP=
    backups_forever "$manager" &
    BACKUP_LOOP=$!
    sleep 1 # the first backup is under way before the warm-up ends
    busy+=("$(run backup-$r)")
    kill "$BACKUP_LOOP"
    wait "$BACKUP_LOOP" 2>/dev/null || true
    BACKUP_LOOP=
    while backup_running "$manager"; do
        sleep 0.5
    done
done
stop_daemon

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
range() { printf '%s\n' "$@" | sort -g | awk 'NR==1{lo=$1} {hi=$1} END {print lo "-" hi}'; }
{
    echo "order p99 (ms) at 100 orders/s, $DURATION s measured, $RUNS runs each"
    echo "quiet:          ${quiet[*]}  median $(median "${quiet[@]}")  range $(range "${quiet[@]}")"
    echo "during backups: ${busy[*]}  median $(median "${busy[@]}")  range $(range "${busy[@]}")"
    echo "backups finished during the runs: $(grep -c '"ok":true' "$OUT/backups.log") ok, $(grep -c '"ok":false' "$OUT/backups.log") failed"
    echo "load after: $(uptime)"
} | tee -a "$OUT/summary.txt"
