#!/usr/bin/env bash
# Installs what building, running and testing need on Debian 12, using sudo when not root.
# Does nothing (and needs no network) when everything is already there.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-translations-l10n
    qt6-multimedia-dev dbus
    libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-qpa-plugins
    libgl-dev libxkbcommon-dev
    python3 python3-websockets
    xvfb xauth imagemagick
    openssl
    help2man dpkg-dev file
    postgresql
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
