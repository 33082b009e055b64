#!/usr/bin/env bash
# run-suite.sh LABEL SERVER LOG [SCENARIO...]
# Runs the issue-5 scenarios (default: all five) once each against fresh servers (run-bench.sh) and appends one
# line per run to LOG: "LABEL | scenario | load 1m 5m 15m | <chat-bench JSON>". Interleave two servers' suites
# (before, after, before, after, ...) on a shared machine, and read LOG with summarize.py. Not in the default
# set: live (issue 15: one room of 50, 10 drawing every 30 ms for 20 s) and live1 (the same with 1 drawer).
set -uo pipefail
label=$1 server=$2 log=$3
shift 3
here=$(dirname "$0")
run() {
    local scenario=$1 load out
    shift
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    out=$("$here/run-bench.sh" "$server" "$@" --json-only 2>/dev/null | tail -1)
    echo "$label | $scenario | load $load | $out" >>"$log"
}
for scenario in ${*:-history fanout rooms drawing connect}; do
    case $scenario in
    history) run history history --messages 10000 --repeat 5 ;;
    fanout) run fanout fanout --rooms 10 --per-room 50 --rate 50 --duration 10 ;;
    rooms) run rooms rooms --rooms 2000 --repeat 5 ;;
    drawing) run drawing drawing --lines 200 --points 200 --repeat 5 ;;
    connect) run connect connect --clients 5000 --concurrency 100 --timeout 120 ;;
    live) run live live --per-room 50 --drawers 10 --interval 30 --duration 20 ;;
    live1) run live1 live --per-room 50 --drawers 1 --interval 30 --duration 20 ;;
    *) echo "unknown scenario $scenario" >&2 ;;
    esac
done
