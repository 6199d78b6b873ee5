#!/usr/bin/env bash
# Installs what building, running and testing tableorder needs on Debian 12 (only what is missing).
set -euo pipefail
packages=(
    build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-declarative-dev qt6-tools-dev
    qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins
    libqt6sql6-sqlite libqt6sql6-psql libpq-dev libqt6opengl6-dev
    qml6-module-qtquick qml6-module-qtqml-workerscript qml6-module-qtquick-controls
    qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-window
    qml6-module-qttest qml6-module-qtquick-dialogs
    libprotobuf-dev protobuf-compiler libsodium-dev libsqlite3-dev sqlite3
    postgresql python3 chromium libjs-chart.js
    qt6-multimedia-dev qml6-module-qtmultimedia fonts-noto-cjk
    libqrencode-dev libzbar-dev
    file clang-14 libfuzzer-14-dev libclang-rt-14-dev
    libssl-dev zlib1g-dev
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
