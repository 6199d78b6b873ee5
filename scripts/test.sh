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
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# LeakSanitizer's own stop-the-world tracer sometimes crashes at exit while the process's
# threads wind down ("Tracer caught signal 11 ... LeakSanitizer has encountered a fatal
# error", google/sanitizers#1353): that is the checker failing, not a leak. Only then the
# failed tests run once more; a real leak, overflow or test failure fails both runs.
asan_log=build/asan/ctest-asan.log
if ! ctest --preset asan -j "$jobs" --output-log "$asan_log"; then
    if grep -q "LeakSanitizer has encountered a fatal error" "$asan_log"; then
        echo "LeakSanitizer's tracer crashed (see above); running the failed tests once more"
        ctest --preset asan -j "$jobs" --rerun-failed
    else
        exit 1
    fi
fi
