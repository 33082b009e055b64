#!/usr/bin/env bash
# The README's run command: installs what is missing, builds only the two programs it runs (chat-server and
# chat-client, the release preset into build/, so scripts/test.sh afterwards reuses them), then starts the
# server on its embedded SQLite database (127.0.0.1:9000 unless its arguments or CHAT_HOST/CHAT_PORT say
# otherwise) and, once it listens, the desktop client connected to it. Without a display only the server runs,
# in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
with_client=
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && with_client=1
targets=(chat-server)
[ -n "$with_client" ] && targets+=(chat-client)
echo "run.sh: building ${targets[*]} into build/ (about 2 minutes on 2 cores the first time)"
SECONDS=0
scripts/build.sh release "${targets[@]}"
echo "run.sh: built in ${SECONDS} s"
server=build/server/chat-server
client=build/client/chat-client

if [ -z "$with_client" ]; then
    echo "run.sh: no display, so only the server runs (Ctrl+C stops it)"
    exec "$server" "$@"
fi

# The server's log says where it listens ("listening on ws://HOST:PORT ..."), which also covers --port 0.
log=$(mktemp -t chat-server-log.XXXXXX)
"$server" "$@" 2> >(tee "$log" >&2) &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -f "$log"' EXIT
url=
until url=$(grep -m 1 -o 'listening on wss\?://[^ ]*' "$log" 2>/dev/null); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "run.sh: the server did not start (see its message above)" >&2
        exit 1
    fi
    sleep 0.1
done
url=${url#listening on }
scheme=${url%%://*} host_port=${url#*://}
host=${host_port%:*} port=${host_port##*:}
case $host in
0.0.0.0 | :: | "") host=127.0.0.1 ;; # every interface: this machine's loopback is one of them
*:*) host="[$host]" ;;             # an IPv6 address in a URL
esac
url="$scheme://$host:$port"
echo "run.sh: the server listens on $url; starting the client"
"$client" --server "$url"
