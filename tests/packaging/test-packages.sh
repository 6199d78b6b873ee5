#!/usr/bin/env bash
# Builds the two .deb packages from this build tree, unpacks them into a throwaway root,
# checks what they install (the binary, its imaging module, unit and conffile), verifies the systemd units, and starts each binary from the
# unpacked root (as its unit would, minus systemd) until /readyz answers.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

cd "$build"
cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
edge_deb=$(ls "$work"/out/tableorder-edge_*.deb)
central_deb=$(ls "$work"/out/tableorder-central_*.deb)

for deb in "$edge_deb" "$central_deb"; do
    name=$(dpkg-deb -f "$deb" Package)
    root="$work/root-$name"
    dpkg-deb -x "$deb" "$root"
    dpkg-deb -e "$deb" "$root/DEBIAN"
    short=${name#tableorder-}
    for f in usr/bin/$name usr/lib/$name/libtableorder-imaging.so usr/lib/systemd/system/$name.service etc/tableorder/$short.conf; do
        [ -e "$root/$f" ] || { echo "FAIL: $name does not install /$f"; exit 1; }
    done
    grep -qx "/etc/tableorder/$short.conf" "$root/DEBIAN/conffiles" || { echo "FAIL: $name: config is not a conffile"; exit 1; }
    dpkg-deb -f "$deb" Depends | grep -q libqt6 || { echo "FAIL: $name has no Qt dependency"; exit 1; }
    if [ "$name" = tableorder-central ]; then
        # The dashboard's charts are Debian's Chart.js, read from the package's files.
        dpkg-deb -f "$deb" Depends | grep -q "libjs-chart.js" || { echo "FAIL: $name does not depend on libjs-chart.js"; exit 1; }
        # Sync's bulk writes call libpq directly (central/storage/pgparams.h).
        dpkg-deb -f "$deb" Depends | grep -q "libpq5" || { echo "FAIL: $name does not depend on libpq5"; exit 1; }
    fi
    unit="$root/usr/lib/systemd/system/$name.service"
    for key in Type=notify WatchdogSec= NoNewPrivileges=yes ProtectSystem=strict Restart=on-failure User=tableorder; do
        grep -q "^$key" "$unit" || { echo "FAIL: $name.service lacks $key"; exit 1; }
    done
    # systemd-analyze checks the unit's syntax and that ExecStart exists: point it at the
    # unpacked binary.
    sed "s#/usr/bin/#$root/usr/bin/#" "$unit" >"$work/$name.service"
    if command -v systemd-analyze >/dev/null; then
        out=$(systemd-analyze verify "$work/$name.service" 2>&1 || true)
        if echo "$out" | grep -v -e "Failed to open /dev/tty" -e "Cannot add dependency job" -e "not-found" -e "^$" | grep -qi -e "error" -e "invalid" -e "unknown"; then
            echo "FAIL: systemd-analyze verify $name.service:"; echo "$out"; exit 1
        fi
    fi
    echo "ok: $name ($(dpkg-deb -f "$deb" Version)) installs its binary, unit, conffile"
done

ready() { # NAME LOG [SCHEME]
    scheme=${3:-http}
    for _ in $(seq 1 100); do
        if [ -s "$2" ]; then
            port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$2" | head -1 | sed 's/.*://' || true)
            # -k: the edge's certificate is self-signed; the fingerprint is checked below.
            if [ -n "$port" ] && curl -skf "$scheme://127.0.0.1:$port/readyz" | grep -q ready; then
                echo "ok: $1 from the package answers /readyz over $scheme on port $port"; return 0
            fi
        fi
        sleep 0.2
    done
    echo "FAIL: $1 did not become ready"; cat "$2"; return 1
}

edge_root="$work/root-tableorder-edge"
grep -qx "tls=on" "$edge_root/etc/tableorder/edge.conf" || { echo "FAIL: the packaged edge.conf does not turn TLS on"; exit 1; }
# With the packaged configuration (TLS on), only the address and data directory changed.
"$edge_root/usr/bin/tableorder-edge" --config "$edge_root/etc/tableorder/edge.conf" --listen 127.0.0.1:0 \
    --data-dir "$work/edge-data" >"$work/edge.log" 2>&1 &
ready tableorder-edge "$work/edge.log" https
if curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
    echo "FAIL: the packaged edge answers plain HTTP"; exit 1
fi
fingerprint=$("$edge_root/usr/bin/tableorder-edge" tls fingerprint --data-dir "$work/edge-data" | head -1)
grep -q "$fingerprint" "$work/edge.log" || { echo "FAIL: the edge did not log its certificate fingerprint"; exit 1; }
[ "$(stat -c %a "$work/edge-data/tls-key.pem")" = 600 ] || { echo "FAIL: the TLS key is not mode 0600"; exit 1; }
if command -v openssl >/dev/null; then
    served=$(openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256 \
             | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f')
    [ "$served" = "$fingerprint" ] || { echo "FAIL: served certificate $served is not $fingerprint"; exit 1; }
fi
echo "ok: tableorder-edge from the package serves TLS with certificate $fingerprint"
central_root="$work/root-tableorder-central"
"$central_root/usr/bin/tableorder-central" --listen 127.0.0.1:0 --db "sqlite:$work/central/central.sqlite3" >"$work/central.log" 2>&1 &
ready tableorder-central "$work/central.log"
echo "1 passed, 0 failed"
