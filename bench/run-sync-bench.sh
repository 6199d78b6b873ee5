#!/usr/bin/env bash
# Edge -> central sync benchmark, on SQLite and on PostgreSQL (a throwaway cluster on
# loopback, started and stopped here). Results go to stdout; the RESULT lines are JSON.
#   bench/run-sync-bench.sh [BUILD_DIR]      (default build/sync; needs tableorder-sync-load)
# Environment: SECONDS_INGEST (20), SECONDS_LAG (60), DRAIN_ORDERS (10000), BACKENDS
# ("sqlite postgresql"), STORES_INGEST (50), EDGE_MAX_BACKOFF_MS (1000).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/sync}
load="$build/bench/tableorder-sync-load"
central="$build/central/tableorder-central"
edge="$build/edge/tableorder-edge"
for f in "$load" "$central" "$edge"; do
    [ -x "$f" ] || { echo "missing $f (cmake --build $build)" >&2; exit 1; }
done
seconds_ingest=${SECONDS_INGEST:-20}
seconds_lag=${SECONDS_LAG:-60}
drain_orders=${DRAIN_ORDERS:-10000}
stores_ingest=${STORES_INGEST:-50}
max_backoff=${EDGE_MAX_BACKOFF_MS:-1000}
backends=${BACKENDS:-"sqlite postgresql"}

. bench/benchwork.sh sync-bench
for backend in $backends; do
    pgpid=()
    if [ "$backend" = postgresql ]; then
        tests/support/pgcluster.sh start "$pgdir" >/dev/null
        # The cluster lives where pgcluster.sh says (a directory of its own under /tmp).
        pgpid=(--pg-pid "$(head -1 "$(cat "$pgdir/cluster")/data/postmaster.pid")")
    fi
    # A fresh database for each run.
    newdb() {
        local name=$1
        if [ "$backend" = sqlite ]; then
            echo "sqlite:$work/$name.sqlite3"
        else
            local url=$(cat "$pgdir/url")
            local hostport=${url#postgresql://tableorder@}
            hostport=${hostport%%/*}
            psql -q -h 127.0.0.1 -p "${hostport#*:}" -U tableorder -d tableorder -c "CREATE DATABASE $name"
            echo "postgresql://tableorder@$hostport/$name"
        fi
    }
    echo "## $backend"
    for batch in 500 50; do
        "$load" ingest --central-bin "$central" --db "$(newdb ingest_$batch)" --work-dir "$work/ingest_$batch" \
            --stores "$stores_ingest" --batch "$batch" --seconds "$seconds_ingest" "${pgpid[@]}"
    done
    "$load" lag --central-bin "$central" --db "$(newdb lag)" --work-dir "$work/lag" --stores 100 --rate 2 \
        --seconds "$seconds_lag" "${pgpid[@]}"
    "$load" drain --central-bin "$central" --edge-bin "$edge" --db "$(newdb drain)" --work-dir "$work/drain" \
        --orders "$drain_orders" --max-backoff-ms "$max_backoff"
    if [ "$backend" = postgresql ]; then
        tests/support/pgcluster.sh stop "$pgdir"
    fi
done
