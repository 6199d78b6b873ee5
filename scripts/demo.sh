#!/usr/bin/env bash
# Installs what is missing, builds, and starts the demo store on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD"
cmake --preset release
cmake --build --preset release -j "$(nproc)"
data="${TABLEORDER_DEMO_DIR:-$PWD/build/demo-data}"
exec build/release/edge/tableorder-edge --listen "${TABLEORDER_LISTEN:-127.0.0.1:8080}" --data-dir "$data" --demo --demo-visits --tls off
