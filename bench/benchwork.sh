# Sourced by the bench/run-*-bench.sh scripts (from the repository root): a scratch directory
# $work, with $pgdir for a throwaway PostgreSQL cluster (tests/support/pgcluster.sh), both gone
# on exit; then the header line every result starts with.
#   . bench/benchwork.sh NAME
work=$(mktemp -d "/tmp/$1.XXXXXX")
chmod 755 "$work"
pgdir="$work/pg"
cleanup() {
    [ -d "$pgdir" ] && tests/support/pgcluster.sh stop "$pgdir" || true
    rm -rf "$work"
}
trap cleanup EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(uname -r); $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
