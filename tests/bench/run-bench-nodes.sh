#!/usr/bin/env bash
# run-bench-nodes.sh SERVER NODES SCENARIO [chat-bench options...]
# Starts NODES chat-server nodes on one PostgreSQL (CHAT_TEST_POSTGRES_URL, a fresh schema; run it through
# scripts/with-postgres.sh for a throwaway cluster), runs one chat-bench scenario with its clients spread over
# the nodes (and the nodes' CPU and memory summed), and stops the nodes again.
set -euo pipefail
server=$1
nodes=$2
shift 2
: "${CHAT_TEST_POSTGRES_URL:?set it, or run through scripts/with-postgres.sh}"
bench=${CHAT_BENCH:-$(dirname "$server")/../tests/bench/chat-bench}
schema="bench_$(date +%s%N)"
pids=()
args=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
# Raw speed, as in run-bench.sh; the live scenario (issue 15) keeps the default limits.
limits=(--ping-interval 0 --rate-limit 0 --max-per-address 0)
if [ "${1:-}" = live ]; then
    limits=()
fi
for n in $(seq "$nodes"); do
    port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$server" --port "$port" --db "$CHAT_TEST_POSTGRES_URL?schema=$schema" --node-id "bench-$n" \
        --log-level warning "${limits[@]}" &
    pids+=($!)
    for _ in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
        sleep 0.1
    done
    args+=(--url "ws://127.0.0.1:$port" --pid "${pids[-1]}")
done
"$bench" "$@" "${args[@]}"
