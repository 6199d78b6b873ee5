#!/usr/bin/env bash
# The whole system on one machine: installs what is missing, builds, then starts a demo HQ
# (tableorder-central) and a demo store (tableorder-edge) linked to it, both on loopback with
# their data in a temporary directory, and prints where to look. Ctrl-C stops both.
#
#   scripts/demo.sh              # install, build (release), run
#   scripts/demo.sh --no-build   # run what is built (TABLEORDER_BUILD_DIR, default build/release)
#
# Ports: TABLEORDER_EDGE_PORT (8080) and TABLEORDER_CENTRAL_PORT (8090). Data:
# TABLEORDER_DEMO_DIR (kept) or a temporary directory (removed on exit).
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "demo.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done

bin="${TABLEORDER_BUILD_DIR:-build/release}"
if [ "$build" = 1 ]; then
    scripts/install-deps.sh
    export CCACHE_BASEDIR="$PWD"
    cmake --preset release
    cmake --build --preset release -j "$(nproc)"
fi
edge_bin="$bin/edge/tableorder-edge"
central_bin="$bin/central/tableorder-central"
for b in "$edge_bin" "$central_bin"; do
    [ -x "$b" ] || { echo "demo.sh: $b is not built (run without --no-build)" >&2; exit 1; }
done

edge_port="${TABLEORDER_EDGE_PORT:-8080}"
central_port="${TABLEORDER_CENTRAL_PORT:-8090}"
edge_url="http://127.0.0.1:$edge_port"
central_url="http://127.0.0.1:$central_port"
if [ -n "${TABLEORDER_DEMO_DIR:-}" ]; then
    data="$TABLEORDER_DEMO_DIR"
    keep=1
else
    data="$(mktemp -d -t tableorder-demo.XXXXXX)"
    keep=0
fi
mkdir -p "$data/central" "$data/edge"

central_pid=""
edge_pid=""
stop() {
    trap - INT TERM EXIT
    # The store first (it finishes in-flight orders), then HQ.
    for pid in $edge_pid $central_pid; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [ "$keep" = 1 ] || rm -rf "$data"
    echo "demo stopped"
}
trap stop EXIT
trap 'exit 130' INT TERM

wait_for() { # url seconds
    local i
    for ((i = 0; i < $2 * 10; i++)); do
        curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "demo.sh: $1 did not answer within $2 s; logs in $data/*.log" >&2
    return 1
}

# HQ with its demo organization: HQ login hq / hq, store 1 with the demo menu, and the
# store's key in a 0600 file next to the database.
"$central_bin" --listen "127.0.0.1:$central_port" --db "sqlite:$data/central/central.db" --demo \
    >"$data/central.log" 2>&1 &
central_pid=$!
wait_for "$central_url/healthz" 20
key_file="$data/central/demo-store-key"
for ((i = 0; i < 100; i++)); do [ -s "$key_file" ] && break; sleep 0.1; done

# The store, linked to HQ (the key in the environment, not on the command line), with the
# guest relay on: phones reach it through HQ at /s/1/ and on the store's Wi-Fi directly.
TABLEORDER_STORE_KEY="$(cat "$key_file")" \
TABLEORDER_SYNC_HEARTBEAT_MS=2000 \
"$edge_bin" --listen "127.0.0.1:$edge_port" --data-dir "$data/edge" --demo --demo-visits --tls off \
    --central "$central_url" --guest-public-url "$central_url/s/1" --guest-lan-url "$edge_url" \
    --wifi-ssid "tableorder-demo" >"$data/edge.log" 2>&1 &
edge_pid=$!
wait_for "$edge_url/healthz" 30

# Table 1's printed code, as the manager's table cards show it.
manager_token="$(curl -fsS -H 'Content-Type: application/json' \
    -d '{"username":"manager","password":"manager"}' "$edge_url/api/v1/auth/staff-login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
code="$(curl -fsS -H "Authorization: Bearer $manager_token" "$edge_url/api/v1/guest-tables" |
    python3 -c 'import json,sys; t=[t for t in json.load(sys.stdin)["tables"] if t["number"]==1]; print(t[0]["code"] if t else "")')"
# Phones may open the visit with their first order (the demo has no tablet on table 1).
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $manager_token" -H 'Content-Type: application/json' \
    -d '{"self_open":true}' "$edge_url/api/v1/guest-settings"
for ((i = 0; i < 100; i++)); do
    curl -fsS -o /dev/null "$central_url/s/1/api/v1/guest/menu" 2>/dev/null && break
    sleep 0.1
done

cat <<INFO

tableorder demo: HQ and one linked store are running (data in $data).

  Guest page of table 1 (a phone scanning the table's QR):
    through HQ (the relay):     $central_url/s/1/t/$code
    on the store's Wi-Fi:       $edge_url/t/$code
    every demo table:           $edge_url/
  HQ dashboard:                 $central_url/      login hq / hq
  Table tablet (tables 1-12, password 0000):
    $bin/qml/tablet/tableorder-tablet --edge $edge_url
  Kitchen display and manager screens (manager/manager, staff/staff, kitchen/kitchen):
    $bin/qml/kitchen/tableorder-kitchen --edge $edge_url

  Logs: $data/central.log, $data/edge.log. Ctrl-C stops both.
INFO

# Until Ctrl-C (a trapped signal ends the wait at once), or until either daemon stops by itself.
interrupted=0
trap 'interrupted=1' INT TERM
wait -n "$central_pid" "$edge_pid" || true
[ "$interrupted" = 1 ] && exit 130
echo "demo.sh: a daemon stopped by itself; see $data/*.log" >&2
exit 1
