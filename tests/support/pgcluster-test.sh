#!/usr/bin/env bash
# The PostgreSQL test fixture works for a project cloned where only root can enter (root's home
# directory is 0700 on Debian, and the server runs as `postgres`): starts the cluster with its
# build directory inside a 0700 directory, checks the server answers a query through the url
# it wrote, stops it and checks nothing is left. Exit 77 (skipped) when not root or without
# PostgreSQL.
set -euo pipefail
script=$(dirname "$(readlink -f "$0")")/pgcluster.sh
[ "$(id -u)" -eq 0 ] || { echo "SKIP: needs root (the fixture only changes user as root)"; exit 77; }
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || { echo "SKIP: PostgreSQL is not installed"; exit 77; }
psql=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql

private=$(mktemp -d /tmp/tableorder-private-home.XXXXXXXX)
cleanup() {
    "$script" stop "$private/clone/build/pgtest" >/dev/null 2>&1 || true
    rm -rf "$private"
}
trap cleanup EXIT
chmod 700 "$private"
mkdir -p "$private/clone/build"
if runuser -u postgres -- test -x "$private"; then
    echo "FAIL: postgres can enter $private; the test would prove nothing" >&2
    exit 1
fi

"$script" start "$private/clone/build/pgtest"
url=$(cat "$private/clone/build/pgtest/url")
answer=$("$psql" -X -A -t -c "SELECT 40 + 2" "$url")
[ "$answer" = 42 ] || { echo "FAIL: the server answered '$answer'" >&2; exit 1; }
cluster=$(cat "$private/clone/build/pgtest/cluster")
"$script" stop "$private/clone/build/pgtest"
[ ! -e "$cluster" ] || { echo "FAIL: $cluster left behind after stop" >&2; exit 1; }
echo "PASS: the cluster ran from $cluster while the build directory was in a 0700 directory"
