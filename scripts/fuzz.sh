#!/usr/bin/env bash
# Builds the fuzz preset (libFuzzer + ASan + UBSan, docs/operations.md "Fuzzing") and runs each
# fuzz target for the given number of seconds (default 60) from its seed corpus, one after the
# other at low priority. New inputs go to build/fuzz/scratch/<target>/, crashes to
# build/fuzz/artifacts/<target>/; FUZZ_MERGE=1 merges the new inputs that add coverage into
# the committed corpus (tests/fuzz/corpus/<target>/) afterwards.
#   scripts/fuzz.sh [seconds-per-target] [target ...]    e.g. scripts/fuzz.sh 300 json jwt
# FUZZ_TIMEOUT (seconds, default 10) is how long one input may run before it counts as a hang;
# raise it when the machine is busy with other work (a starved run reports false timeouts).
# FUZZ_BUILD=0 runs the targets as built, without building first (a long run beside other work
# in the same checkout).
# Exits non-zero when a target crashed; the last line per target is libFuzzer's own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
export CCACHE_BASEDIR="$PWD"
if [ "${FUZZ_BUILD:-1}" != 0 ]; then
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz -j "$(nproc)"
fi

bin=build/fuzz/tests/fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$bin"/fuzz_*; do
        [ -x "$f" ] && targets+=("${f##*/fuzz_}")
    done
fi

# Longest input per target: a little above each code path's own limit, where there is one.
max_len() {
    case "$1" in
        jwt) echo 4200 ;;                      # tokens are refused above 4096 bytes
        order_input | menu_input) echo 16384 ;;
        sync_upload | image_header) echo 65536 ;;
        http_framing) echo 65536 ;;
        *) echo 8192 ;;
    esac
}

# Qt's image handlers warn on every broken picture; the fuzzer's output is what matters.
export QT_LOGGING_RULES="*.debug=false;*.warning=false"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
summary=()
for t in "${targets[@]}"; do
    corpus=tests/fuzz/corpus/$t
    scratch=build/fuzz/scratch/$t
    artifacts=build/fuzz/artifacts/$t
    log=build/fuzz/fuzz-$t.log
    mkdir -p "$scratch" "$artifacts" "$corpus"
    echo "== fuzz_$t: ${seconds}s, corpus $corpus"
    status=0
    nice -n 10 "$bin/fuzz_$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout="${FUZZ_TIMEOUT:-10}" \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$scratch" "$corpus" >"$log" 2>&1 || status=$?
    stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)
    if [ "$status" -ne 0 ]; then
        failed+=("$t")
        grep -E 'ERROR: |runtime error|FUZZ_CHECK|SUMMARY|Test unit written' "$log" | head -n 8 || true
        summary+=("fuzz_$t: CRASH (log $log, input in $artifacts/)")
    else
        summary+=("fuzz_$t: ${seconds}s, ${execs:-?} exec/s, $(sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/\1/' <<<"$stats")")
    fi
    if [ "${FUZZ_MERGE:-0}" = 1 ] && [ "$status" -eq 0 ]; then
        "$bin/fuzz_$t" -merge=1 -max_len="$(max_len "$t")" "$corpus" "$scratch" >>"$log" 2>&1
    fi
done
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashed: ${failed[*]}"
    exit 1
fi
