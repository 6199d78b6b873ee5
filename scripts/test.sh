#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite twice: a normal build and
# an AddressSanitizer + UndefinedBehaviorSanitizer build of the daemons and their tests (the
# Qt Quick apps are tested in the normal build only: Qt Quick itself is not ASan-clean).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# ccache keyed on paths relative to the checkout, so another clone reuses the cache.
export CCACHE_BASEDIR="$PWD"
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
jobs=$(nproc)
cmake --preset dev
cmake --build --preset dev -j "$jobs"
ctest --preset dev -j "$jobs"
cmake --preset asan
cmake --build --preset asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset asan -j "$jobs"
