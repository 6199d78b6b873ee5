#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster on loopback for the test suite.
#   pgcluster.sh start DIR   -> writes DIR/url (postgresql://tableorder@127.0.0.1:PORT/tableorder)
#   pgcluster.sh stop DIR
# DIR (in the build directory) holds only the url and the cluster's location: the cluster
# itself lives in a fresh directory under /tmp owned by the user that runs it. As root the
# server runs as the `postgres` system user (initdb refuses root), and that user cannot enter
# a build directory under a home directory of mode 0700 (/root on Debian).
set -euo pipefail
action=$1
dir=$2
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_cluster() {
    [ -f "$dir/cluster" ] || return 0
    local cluster
    cluster=$(cat "$dir/cluster")
    case "$cluster" in
    /tmp/tableorder-pg.*) ;;
    *) echo "refusing to remove unexpected cluster path '$cluster'" >&2; return 1 ;;
    esac
    if [ -d "$cluster/data" ]; then
        as_pg "$bindir/pg_ctl" -D "$cluster/data" stop -m "$1" >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster"
    rm -f "$dir/cluster"
}
case "$action" in
start)
    mkdir -p "$dir"
    stop_cluster immediate
    # A cluster left by an older version of this script lived in DIR itself.
    if [ -d "$dir/data" ]; then
        as_pg "$bindir/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1 || true
        rm -rf "$dir/data"
    fi
    rm -f "$dir/url" "$dir/server.log" "$dir/initdb.log"
    cluster=$(mktemp -d /tmp/tableorder-pg.XXXXXXXX)
    echo "$cluster" >"$dir/cluster"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$cluster"
    chmod 700 "$cluster"
    if ! as_pg "$bindir/initdb" -D "$cluster/data" -A trust -U postgres >"$cluster/initdb.log" 2>&1; then
        cat "$cluster/initdb.log" >&2
        exit 1
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    if ! as_pg "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$cluster -c fsync=on -c max_connections=200" \
        start >/dev/null; then
        cat "$cluster/server.log" >&2 || true
        exit 1
    fi
    as_pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE ROLE tableorder LOGIN SUPERUSER" postgres
    as_pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE DATABASE tableorder OWNER tableorder" postgres
    echo "postgresql://tableorder@127.0.0.1:$port/tableorder" >"$dir/url"
    chmod 644 "$dir/url"
    echo "PostgreSQL test cluster on 127.0.0.1:$port in $cluster"
    ;;
stop)
    stop_cluster fast
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
