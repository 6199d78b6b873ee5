#!/usr/bin/env bash
# Edge -> central sync benchmark, on SQLite and on PostgreSQL (a throwaway cluster on
# loopback, started and stopped here). Results go to stdout; the RESULT lines are JSON.
#   bench/run-sync-bench.sh [BUILD_DIR]      (default build/sync; needs tableorder-sync-load)
# Environment: SECONDS_INGEST (20), SECONDS_LAG (60), DRAIN_ORDERS (10000), BACKENDS
# ("sqlite postgresql"), STORES_INGEST (50), EDGE_MAX_BACKOFF_MS (1000), MODES ("ingest lag
# drain"; also "fleet" and "scale", PostgreSQL only: "Central at fleet scale (issue 15)" in
# docs/PERFORMANCE.md).
#   fleet: STORES_FLEET (1000) stores, an order a second and a health snapshot a minute each,
#          SECONDS_FLEET (60) measured after WARMUP_FLEET (15); INSTANCES_FLEET (1) centrals,
#          behind nginx if more than one.
#   scale: ingest (STORES_SCALE 50 stores, BATCH_SCALE 500 events) for SECONDS_SCALE (20) each
#          against 1 central direct, 1 behind nginx, 2 behind nginx (nginx: apt-get install
#          nginx; the tests do not need it).
# E.g. MODES="fleet scale" BACKENDS=postgresql bench/run-sync-bench.sh build/bench
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
modes=${MODES:-"ingest lag drain"}
stores_fleet=${STORES_FLEET:-1000}
seconds_fleet=${SECONDS_FLEET:-60}
warmup_fleet=${WARMUP_FLEET:-15}
instances_fleet=${INSTANCES_FLEET:-1}
stores_scale=${STORES_SCALE:-50}
batch_scale=${BATCH_SCALE:-500}
seconds_scale=${SECONDS_SCALE:-20}
has() { [[ " $modes " == *" $1 "* ]]; }
nginx=()
if has scale || { has fleet && [ "$instances_fleet" -gt 1 ]; }; then
    # Debian installs it in /usr/sbin, which a user's PATH may lack.
    bin=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
    [ -n "$bin" ] || { echo "scale and a fleet of several instances need nginx: apt-get install nginx" >&2; exit 1; }
    nginx=(--nginx-bin "$bin")
fi

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
    if has ingest; then
        for batch in 500 50; do
            "$load" ingest --central-bin "$central" --db "$(newdb ingest_$batch)" --work-dir "$work/ingest_$batch" \
                --stores "$stores_ingest" --batch "$batch" --seconds "$seconds_ingest" "${pgpid[@]}"
        done
    fi
    if has lag; then
        "$load" lag --central-bin "$central" --db "$(newdb lag)" --work-dir "$work/lag" --stores 100 --rate 2 \
            --seconds "$seconds_lag" "${pgpid[@]}"
    fi
    if has drain; then
        "$load" drain --central-bin "$central" --edge-bin "$edge" --db "$(newdb drain)" --work-dir "$work/drain" \
            --orders "$drain_orders" --max-backoff-ms "$max_backoff" "${pgpid[@]}"
    fi
    if [ "$backend" = postgresql ] && has fleet; then
        "$load" fleet --central-bin "$central" --db "$(newdb fleet)" --work-dir "$work/fleet" \
            --stores "$stores_fleet" --seconds "$seconds_fleet" --warmup "$warmup_fleet" \
            --instances "$instances_fleet" "${nginx[@]}" "${pgpid[@]}"
    fi
    if [ "$backend" = postgresql ] && has scale; then
        # The same ingest three ways, each on a fresh database: the ratio of the last to the
        # second is what several instances add; the second to the first is nginx's cost.
        for shape in direct:1 nginx:1 nginx:2; do
            via=${shape%:*} k=${shape#*:}
            extra=()
            [ "$via" = nginx ] && extra=(--nginx "${nginx[@]}")
            "$load" ingest --central-bin "$central" --db "$(newdb scale_${via}_$k)" --work-dir "$work/scale_${via}_$k" \
                --stores "$stores_scale" --batch "$batch_scale" --seconds "$seconds_scale" --instances "$k" \
                "${extra[@]}" "${pgpid[@]}"
        done
    fi
    if [ "$backend" = postgresql ]; then
        tests/support/pgcluster.sh stop "$pgdir"
    fi
done
