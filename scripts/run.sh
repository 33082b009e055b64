#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and starts the server on its embedded SQLite
# database (127.0.0.1:9000 unless its arguments or CHAT_HOST/CHAT_PORT say otherwise) with the desktop client
# connected to it. Without a display, or when the client is not built, only the server runs (in the
# foreground).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_DIR=${BUILD_DIR:-build} scripts/build.sh
build_dir=${BUILD_DIR:-build}
server="$build_dir/server/chat-server"
client="$build_dir/client/chat-client"

# Where the client connects: where the server listens, as its options (which win) or environment say.
server_url() {
    local host=${CHAT_HOST:-127.0.0.1} port=${CHAT_PORT:-9000} scheme=ws
    [ -n "${CHAT_TLS_CERT:-}" ] && scheme=wss
    local arguments=("$@") i
    for ((i = 0; i < ${#arguments[@]}; i++)); do
        case ${arguments[i]} in
        --host) host=${arguments[i + 1]:-$host} ;;
        --host=*) host=${arguments[i]#--host=} ;;
        --port) port=${arguments[i + 1]:-$port} ;;
        --port=*) port=${arguments[i]#--port=} ;;
        --tls-cert | --tls-cert=*) scheme=wss ;;
        esac
    done
    case $host in
    0.0.0.0 | :: | "") host=127.0.0.1 ;; # every interface: this machine's is one of them
    *:*) host="[$host]" ;;                # an IPv6 address in a URL
    esac
    echo "$scheme://$host:$port"
}

if [ -x "$client" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    "$server" "$@" &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null' EXIT
    sleep 0.5
    kill -0 "$server_pid" # the server must have started
    "$client" --server "$(server_url "$@")"
else
    exec "$server" "$@"
fi
