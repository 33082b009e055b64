#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and starts the server on its embedded SQLite
# database (127.0.0.1:9000 unless CHAT_PORT/CHAT_HOST say otherwise) with the desktop client connected to it.
# Without a display, or when the client is not built, only the server runs (in the foreground).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh
build_dir=${BUILD_DIR:-build}
server="$build_dir/server/chat-server"
client="$build_dir/client/chat-client"

if [ -x "$client" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$server" "$@" &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT
    sleep 0.5
    kill -0 "$server_pid" # the server must have started
    "$client" --server "ws://${CHAT_HOST:-127.0.0.1}:${CHAT_PORT:-9000}"
else
    exec "$server" "$@"
fi
