#!/usr/bin/env bash
# run-neutral.sh SERVER [neutral_fanout.py options...]
# Starts SERVER on a free loopback port with a temporary database and the same limits as run-bench.sh
# (CHAT_NEUTRAL_SERVER_ARGS replaces them, e.g. "" for the server's defaults), runs neutral_fanout.py against
# it with --pid and --url filled in, and stops the server again.
set -euo pipefail
server=$1
shift
here=$(dirname "$0")
folder=$(mktemp -d)
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
read -r -a limits <<< "${CHAT_NEUTRAL_SERVER_ARGS---ping-interval 0 --rate-limit 0 --max-per-address 0}"
"$server" --port "$port" --db "$folder/bench.db" --log-level warning "${limits[@]}" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -rf "$folder"' EXIT
for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done
/usr/bin/python3 "$here/neutral_fanout.py" "$@" --pid "$server_pid" --url "ws://127.0.0.1:$port"
