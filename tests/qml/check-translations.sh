#!/bin/sh
# Every text of an app's QML and C++ is translated in each of its .ts files: runs lupdate on
# copies of them against the sources and fails on any new, unfinished or empty translation.
# Usage: check-translations.sh LUPDATE APP_DIR SOURCE... -- TS...
set -eu
lupdate=$1; app=$2; shift 2
sources=""
while [ "$1" != "--" ]; do sources="$sources $1"; shift; done
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/i18n"
status=0
for ts in "$@"; do
    copy="$work/i18n/$(basename "$ts")"
    cp "$app/$ts" "$copy"
    # Locations relative to the app's directory, as the real files have them.
    (cd "$app" && "$lupdate" -silent -no-obsolete $sources -ts "$copy") >/dev/null
    missing=$(grep -c 'type="unfinished"' "$copy" || true)
    if [ "$missing" != "0" ]; then
        echo "$ts: $missing untranslated:"
        grep -B3 'type="unfinished"' "$copy" | grep '<source>' | sed 's/^ */  /'
        status=1
    else
        echo "$ts: complete"
    fi
done
exit $status
