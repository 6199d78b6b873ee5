#!/usr/bin/env bash
# Fleet observability benchmark: 1,000 simulated stores uploading a HealthSnapshot a minute to
# central on a throwaway PostgreSQL cluster (loopback, started and stopped here). Results go to
# stdout; the RESULT line is JSON.
#   bench/run-fleet-bench.sh [BUILD_DIR]      (default build/bench; needs tableorder-fleet-load)
# Environment: CENTRAL (the central binary, default BUILD_DIR/central/tableorder-central; any
# RelWithDebInfo build of it, e.g. build/dev), STORES (1000), MINUTES (60, compressed), REALTIME_MINUTES (3), CONNECTIONS (50),
# CHART_DAYS (7), CHART_REQUESTS (50).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/bench}
load="$build/bench/tableorder-fleet-load"
central=${CENTRAL:-$build/central/tableorder-central}
for f in "$load" "$central"; do
    [ -x "$f" ] || { echo "missing $f (cmake --build $build)" >&2; exit 1; }
done

. bench/benchwork.sh fleet-bench
tests/support/pgcluster.sh start "$pgdir" >/dev/null
url=$(cat "$pgdir/url")
echo "# $(psql -At "$url" -c 'SHOW server_version') on $url"
"$load" --central-bin "$central" --db "$url" --psql "$url" --work-dir "$work/central" \
    --pg-pid "$(head -1 "$pgdir/data/postmaster.pid")" \
    --stores "${STORES:-1000}" --minutes "${MINUTES:-60}" \
    --realtime-minutes "${REALTIME_MINUTES:-3}" --connections "${CONNECTIONS:-50}" \
    --chart-days "${CHART_DAYS:-7}" --chart-requests "${CHART_REQUESTS:-50}"
