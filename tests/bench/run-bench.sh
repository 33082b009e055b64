#!/usr/bin/env bash
# run-bench.sh SERVER SCENARIO [chat-bench options...]
# Starts SERVER on a free loopback port with a temporary database, runs one chat-bench scenario against it
# (with --pid and --url filled in) and stops the server again. chat-bench is looked up beside this build.
set -euo pipefail
server=$1
shift
bench=${CHAT_BENCH:-$(dirname "$server")/../tests/bench/chat-bench}
folder=$(mktemp -d)
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The benchmark measures raw speed: its bursts and its thousands of loopback clients would otherwise meet the
# public-server defaults of the rate limit and of the connections per address. The live scenario (issue 15)
# runs with the defaults: what a draw_live costs in the rate-limit bucket is part of what it checks.
limits=(--ping-interval 0 --rate-limit 0 --max-per-address 0)
if [ "${1:-}" = live ]; then
    limits=()
fi
"$server" --port "$port" --db "$folder/bench.db" --log-level warning "${limits[@]}" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -rf "$folder"' EXIT
for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done
"$bench" "$@" --pid "$server_pid" --url "ws://127.0.0.1:$port"
